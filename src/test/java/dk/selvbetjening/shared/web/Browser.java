package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser journeys, with axe-core at hand. Only loopback is reachable: every
 * other host fails to resolve. The driver and browser paths are explicit, so Selenium never downloads anything.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String axeSource;

    private Browser(Path profile, ChromeDriver driver, String axeSource) {
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        this.axeSource = axeSource;
    }

    public static Browser start() {
        try (InputStream axe = Browser.class.getClassLoader().getResourceAsStream("axe/axe.min.js")) {
            assertThat(axe).as("axe/axe.min.js on the test classpath (copied from node_modules by the build)")
                    .isNotNull();
            String axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                    "--user-data-dir=" + profile, "--window-size=1280,1200", "--lang=da",
                    // loopback only: 127.0.0.1, and localhost for the passkey tests (a WebAuthn relying party is a
                    // host name, never an IP address)
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost");
            // the console, where Chromium reports what the Content Security Policy refused
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // Explicit waits only (an implicit wait would slow down every "is it absent?" check).
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(profile, driver, axeSource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** Fills in the backoffice login form on the current page and sends it; the caller waits for what follows. */
    public void submitLogin(String email, String password) {
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA) on the current page and fails listing every violation. */
    @SuppressWarnings("unchecked")
    public void assertNoAccessibilityViolations() {
        driver.executeScript(axeSource);
        Object result = driver.executeAsyncScript("""
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

    /**
     * Fails listing every Content Security Policy violation Chromium reported on its console since the last call (so
     * one call after a journey covers every page of it): an inline style or script, or anything from elsewhere, that
     * the policy refused and the page therefore lacks.
     */
    public void assertNoContentSecurityPolicyViolations() {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")
                        || message.contains("Content-Security-Policy"))
                .toList();
        assertThat(violations).as("Content Security Policy violations up to %s", driver.getCurrentUrl()).isEmpty();
    }

    /** A phone's screen, {@code width} CSS pixels wide (e.g. 375), as a mobile browser lays pages out. */
    public void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the desktop window of {@link #start()}. */
    public void emulateDesktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Fails when the page is wider than {@code width}: something overflows sideways. */
    public void assertNoHorizontalOverflow(int width) {
        Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth.intValue()).as("document.documentElement.scrollWidth on %s", driver.getCurrentUrl())
                .isLessThanOrEqualTo(width);
    }

    /**
     * Runs {@code steps} with the pages' own scripts off in this browser (DevTools' {@code
     * Emulation.setScriptExecutionDisabled}, kept across navigations), as for a citizen who turned JavaScript off:
     * what the pages do must work with HTML alone. Then turns them on again, so the same browser serves a class's
     * tests with and without scripts. The test's own synchronous scripts still run; asynchronous ones (axe-core) need
     * the page's timers, which do not run meanwhile.
     */
    public void withoutPageScripts(Runnable steps) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            steps.run();
        } finally {
            driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
    }

    /**
     * Whether a page's own script runs in this browser (false in {@link #withoutPageScripts}); leaves the page.
     */
    public boolean pageScriptsRun() {
        driver.get("data:text/html,<title>before</title><script>document.title='ran'</script>");
        return "ran".equals(driver.getTitle());
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
