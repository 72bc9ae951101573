package dk.selvbetjening.portal.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * The citizen's journey in a real browser (headless Debian Chromium): front page, topic, action page, choosing
 * the municipality with the keyboard only, and starting the municipality's solution. Every citizen page is
 * checked with axe-core against WCAG 2.1 A and AA. The municipalities' solution sites are a local stub; the
 * browser may only reach 127.0.0.1.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenJourneyBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    PortalTestData data;

    private HttpServer solutionSites;
    private final List<String> solutionRequests = new CopyOnWriteArrayList<>();
    private Path profile;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String axeSource;

    private SelfServiceDetails municipal;
    private SelfServiceDetails national;

    @BeforeAll
    void startSolutionSitesBrowserAndPublishServices() throws IOException {
        solutionSites = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        solutionSites.createContext("/", exchange -> {
            solutionRequests.add(exchange.getRequestURI().getPath());
            byte[] body = """
                    <!DOCTYPE html>
                    <html lang="da"><head><meta charset="utf-8"><title>Kommunens selvbetjening</title></head>
                    <body><main><h1>Kommunens selvbetjening</h1></main></body></html>
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        solutionSites.start();
        String stub = "http://127.0.0.1:" + solutionSites.getAddress().getPort();

        data.municipality(147, "Frederiksberg Kommune");
        municipal = data.publishedMunicipal(Map.of(101, stub + "/koebenhavn/daginstitution",
                461, stub + "/odense/daginstitution", 147, ""));
        national = data.publishedNational(stub + "/national");

        try (InputStream axe = getClass().getClassLoader().getResourceAsStream("axe/axe.min.js")) {
            assertThat(axe).as("axe/axe.min.js on the test classpath (copied from node_modules by the build)")
                    .isNotNull();
            axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        }

        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1200", "--lang=da",
                // Nothing but loopback: every host except 127.0.0.1 fails to resolve.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // Explicit waits only (an implicit wait would slow down every "is it absent?" check).
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    void stopBrowserAndSolutionSites() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (solutionSites != null) {
            solutionSites.stop(0);
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void forgetTheChosenMunicipality() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void citizenFindsServiceChoosesMunicipalityWithKeyboardAndStarts() throws IOException {
        String title = municipal.title();
        open("/");
        driver.findElement(By.linkText("Familie og børn")).click();
        wait.until(ExpectedConditions.urlToBe(url("/emner/familie-og-boern")));

        driver.findElement(By.linkText(title)).click();
        wait.until(ExpectedConditions.urlToBe(url("/handlingsside/" + municipal.slug())));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(driver.findElements(By.cssSelector("a.start-button"))).isEmpty();

        // The chooser: a labelled select and a submit button; keyboard only from here.
        WebElement select = driver.findElement(By.id("kommune"));
        assertThat(select.getDomAttribute("name")).isEqualTo("kommunekode");
        assertThat(driver.findElement(By.cssSelector("label[for=kommune]")).getText()).isEqualTo("Vælg din kommune");
        select.sendKeys("København");
        for (int i = 0; i < 100 && !"København".equals(new Select(select).getFirstSelectedOption().getText()); i++) {
            select.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(new Select(select).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("101");
        assertThat(driver.switchTo().activeElement()).isEqualTo(select);

        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement button = driver.switchTo().activeElement();
        assertThat(button.getTagName()).isEqualTo("button");
        assertThat(button.getText()).isEqualTo("Vælg kommune");
        button.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("kommunekode=101"));
        WebElement chosen = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".chosen-municipality")));
        assertThat(chosen.getText()).contains("Din kommune: København");
        Cookie cookie = driver.manage().getCookieNamed("kommunekode");
        assertThat(cookie).as("cookie kommunekode").isNotNull();
        assertThat(cookie.getValue()).isEqualTo("101");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertNoAccessibilityViolations();
        screenshot("action-page-koebenhavn.png");

        WebElement start = driver.findElement(By.cssSelector("a.start-button"));
        start.sendKeys(Keys.ENTER);

        String solution = "http://127.0.0.1:" + solutionSites.getAddress().getPort() + "/koebenhavn/daginstitution";
        wait.until(ExpectedConditions.urlToBe(solution));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kommunens selvbetjening");
        assertThat(solutionRequests).contains("/koebenhavn/daginstitution")
                .doesNotContain("/odense/daginstitution");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("citizenPages")
    void citizenPageHasNoAccessibilityViolations(String path) {
        open(path);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertNoAccessibilityViolations();
    }

    Stream<String> citizenPages() {
        String municipalPage = "/handlingsside/" + municipal.slug();
        return Stream.of(
                "/",
                "/emner/familie-og-boern",
                municipalPage,
                municipalPage + "?kommunekode=101",
                municipalPage + "?kommunekode=147",
                municipalPage + "?kommunekode=9999",
                "/handlingsside/" + national.slug(),
                "/vaelg-kommune?returnTo=/",
                "/vaelg-kommune?returnTo=/&kommunekode=abc",
                "/handlingsside/findes-ikke");
    }

    @Test
    void missingLinkShowsTheMunicipalitysContactDetails() {
        open("/handlingsside/" + municipal.slug() + "?kommunekode=147");
        WebElement contact = driver.findElement(By.cssSelector(".municipality-contact"));
        assertThat(contact.getText()).contains("Frederiksberg har ikke en selvbetjening til dette her")
                .contains("+45 70 10 147");
        assertThat(driver.findElements(By.cssSelector("a.start-button"))).isEmpty();
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @SuppressWarnings("unchecked")
    private void assertNoAccessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(n => ({target: JSON.stringify(n.target), html: n.html,
                                                summary: n.failureSummary}))}))))
                  .catch(e => done('axe failed: ' + e));
                """);
        assertThat(result).as("axe result on %s", driver.getCurrentUrl()).isInstanceOf(List.class);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        assertThat(violations).withFailMessage(() -> "axe-core violations on " + driver.getCurrentUrl() + ":\n"
                + describe(violations)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        return violations.stream().map(v -> "- " + v.get("id") + " [" + v.get("impact") + "] " + v.get("help")
                + " (" + v.get("helpUrl") + ")\n"
                + ((List<Map<String, Object>>) v.get("nodes")).stream()
                        .map(n -> "    " + n.get("target") + "  " + n.get("html") + "\n      "
                                + Objects.toString(n.get("summary"), "").replace("\n", "\n      "))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
