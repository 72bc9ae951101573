package dk.selvbetjening.municipallink.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.municipallink.LinkFiles;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.web.Browser;
import dk.selvbetjening.shared.web.WithBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A municipality's editor in a real browser (headless Debian Chromium): logs in, downloads the municipality's
 * CSV, fills in "Ny URL" for one row, uploads it, reads the report, and the citizen's start button for that
 * municipality now leads to the new address. Every page on the way is checked with axe-core (WCAG 2.1 A and AA).
 * The upload limit is 1 MB here and the container's cap 2 MB, so both refusals of a larger file are seen through
 * the real servlet container.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "selvbetjening.municipallink.max-upload-size=1MB", "spring.servlet.multipart.max-file-size=2MB",
        "spring.servlet.multipart.max-request-size=2MB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class MunicipalLinkJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    PortalTestData data;

    @Autowired
    AccountFixtures accounts;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Path downloads;
    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    private TestAccount aalborgEditor;
    private SelfServiceDetails withLink;
    private SelfServiceDetails withoutLink;

    @BeforeAll
    void publishServicesAndADownloadFolder() throws IOException {
        aalborgEditor = accounts.authorityEditor(data.municipality(851, "Aalborg Kommune").id());
        withLink = data.publishedMunicipal(Map.of(851, "https://www.aalborg.dk/gammel-pasning", 101, "https://www.kk.dk/pasning"));
        withoutLink = data.publishedMunicipal(Map.of());
        data.publishedNational("https://www.borger.dk/national");

        downloads = Files.createTempDirectory("municipal-links");
    }

    @AfterAll
    void deleteTheDownloads() throws IOException {
        if (downloads != null) {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void logOut() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void aMunicipalityEditorUpdatesALinkWithTheCsvAndCitizensLandOnIt() throws Exception {
        logIn(aalborgEditor);

        driver.findElement(By.linkText("Kommunelinks")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/kommunelinks")));
        assertNoAccessibilityViolations();
        screenshot("municipal-links-overview.png");

        driver.findElement(By.linkText("Gå til links for Aalborg")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/kommunelinks/kommune/851")));
        assertThat(driver.findElement(By.cssSelector("ul.missing-list")).getText()).contains(withoutLink.title())
                .doesNotContain(withLink.title());
        assertNoAccessibilityViolations();
        screenshot("municipal-links-aalborg.png");

        // The browser would save the file; fetch the same link to fill it in as the editor does in Excel.
        String csvHref = driver.findElement(By.cssSelector("a.csv-export")).getDomProperty("href");
        HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(URI.create(csvHref)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        Path filled = downloads.resolve("kommunelinks-851.csv");
        Files.write(filled, LinkFiles.fillNewUrl(csv.body(), ";" + withLink.slug() + ";", "https://www.aalborg.dk/ny-pasning"));

        driver.findElement(By.linkText("Upload en udfyldt CSV-fil")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/kommunelinks/import")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Du kan rette links for Aalborg.");
        assertNoAccessibilityViolations();
        driver.findElement(By.id("file")).sendKeys(filled.toString());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlToBe(url("/redaktion/kommunelinks/import/rapport")));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).isEqualTo("Linkene er gemt.");
        assertThat(driver.findElement(By.id("count-changed")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("count-errors")).getText()).isEqualTo("0");
        assertNoAccessibilityViolations();
        screenshot("municipal-links-import-report.png");

        HttpResponse<Void> start = http.send(HttpRequest.newBuilder(URI.create(
                url("/handlingsside/" + withLink.slug() + "/start?kommunekode=851"))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(start.statusCode()).isEqualTo(303);
        assertThat(start.headers().firstValue("Location")).hasValue("https://www.aalborg.dk/ny-pasning");
    }

    @Test
    void everyMunicipalLinkPageIsAccessible() {
        logIn(aalborgEditor);
        for (String path : java.util.List.of("/redaktion/kommunelinks/selvbetjening/" + withLink.slug(),
                "/redaktion/kommunelinks/kommune/851/" + withoutLink.slug(),
                "/kommuner/851/direkte-links")) {
            open(path);
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
            assertNoAccessibilityViolations();
            screenshot("municipal-links" + path.replaceAll("[^a-z0-9]+", "-") + ".png");
        }
        open("/redaktion/kommunelinks/kommune/851/" + withoutLink.slug());
        driver.findElement(By.id("url")).sendKeys("http://www.aalborg.dk/ikke-sikker");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.titleContains("Fejl:"));
        assertNoAccessibilityViolations();
    }

    @Test
    void aFileOverTheLimitIsRefusedInDanishByTheServletContainer() throws Exception {
        Path large = downloads.resolve("for-stor.csv");
        Files.write(large, (LinkFiles.MINIMAL_HEADER + "\r\n" + ("101;x;https://a.dk\r\n".repeat(70_000)))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(Files.size(large)).isGreaterThan(1024 * 1024);

        logIn(aalborgEditor);
        open("/redaktion/kommunelinks/import");
        driver.findElement(By.id("file")).sendKeys(large.toString());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/redaktion/kommunelinks/import?for-stor")));
        assertThat(driver.findElement(By.cssSelector(".form-error-message")).getText())
                .endsWith("Filen er for stor. Den må højst fylde 1 MB. Del den op i flere filer, fx én pr. kommune.");
        assertNoAccessibilityViolations();

        String editor = accounts.editor().basic();
        for (int size : new int[] {1_500_000, 2_500_000}) {
            String boundary = UUID.randomUUID().toString();
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/municipal-links/import")))
                    .header("Authorization", editor)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, new byte[size]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as("%d bytes", size).isEqualTo(413);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"detail\":\"Filen er for stor. Den må højst fylde 1 MB.");
        }
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }

    private static byte[] multipart(String boundary, byte[] file) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"for-stor.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return body;
    }

    private void logIn(TestAccount account) {
        open("/redaktion/log-ind");
        assertNoAccessibilityViolations();
        browser.submitLogin(account.email(), account.password());
        wait.until(ExpectedConditions.urlToBe(url("/redaktion")));
        assertNoAccessibilityViolations();
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void assertNoAccessibilityViolations() {
        browser.assertNoAccessibilityViolations();
    }
}
