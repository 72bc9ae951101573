package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.catalogue.PublicationRefusedException;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.connection.ConnectionIntakeService;
import dk.selvbetjening.connection.Receipt;
import dk.selvbetjening.connection.Submission;
import dk.selvbetjening.municipallink.LinkFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the application, citizen and backoffice, in a real browser (headless Debian Chromium) on the demo
 * content, with axe-core (WCAG 2.1 A and AA) and the Content Security Policy: zero violations on each, error pages included. Backoffice pages are
 * seen as an editor, who sees the most. A guard fails when a GET address is served that none of the lists below
 * names, so a new page cannot go unchecked: add its mapping to {@link #backofficePages()} or {@link #citizenPages()}
 * with the address(es) to visit (one per state worth seeing), or, if it answers with a file or a redirect, to
 * {@link #NOT_PAGES}.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "selvbetjening.demo.enabled=true", "selvbetjening.account.max-failed-attempts=1"})
@Import(EveryPageBrowserTests.FailingController.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithBrowser
class EveryPageBrowserTests {

    private static final String LOGIN = "/redaktion/log-ind";
    private static final String IMPORT_REPORT = "/redaktion/kommunelinks/import/rapport";

    /** Demo solutions the pages are shown for: a national wave solution and a municipal one. */
    private static final String NATIONAL = "meld-flytning";
    private static final String MUNICIPAL = "skriv-dit-barn-op-til-daginstitution";
    /** A demo municipal solution with no link for Frederiksberg (147), whose authority is registered. */
    private static final String WITHOUT_A_LINK_IN_147 = "anmeld-rotter";

    /** GET addresses that answer with a file or a redirect, not a page; each is tested where it is built. */
    private static final Set<String> NOT_PAGES = Set.of(
            "/redaktion/klarmelding.csv",
            "/redaktion/selvbetjeninger/{slug}/handlingsside.docx",
            "/tilslut/skabelon.docx",
            "/kommuner/{code}/direkte-links.csv",
            "/redaktion/myndigheder/myndigheder.csv",
            "/handlingsside/{slug}/start",
            "/soeg/aabn",
            "/Handlingsside",
            "/handlingsside",
            "/sitemap.xml",
            "/robots.txt");

    /** GET addresses outside the pages people read: the JSON API, its documentation and Boot's error dispatch. */
    private static final List<String> NOT_PAGE_PREFIXES = List.of("/api/", "/v3/api-docs", "/swagger-ui", "/error");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    MessageSource messages;

    @Autowired
    SelfServiceService services;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    ConnectionIntakeService requests;

    @Autowired
    dk.selvbetjening.authority.AuthorityService authorities;

    private Browser browser;
    private ChromeDriver driver;
    private TestAccount editor;
    private TestAccount lockedOut;
    private Receipt newRequest;
    private Receipt changeRequest;

    @BeforeAll
    void demoContentWithARequestADraftAndALockedAccount() {
        editor = accounts.editor();
        lockedOut = accounts.editor();
        SelfServiceDetails national = services.bySlug(NATIONAL).orElseThrow();
        ActionPageContent current = actionPages.latest(national.id()).orElseThrow();
        accounts.runAs(editor, () -> actionPages.saveDraft(national.id(), new ActionPageContent(current.title(),
                current.intro() + " Du kan også melde flytning for dine børn.", current.beforeYouStart(),
                current.startLabel(), current.continuesOn(), current.alternatives(), current.afterwards(),
                current.moreInformation(), current.rules(), current.fees(), current.deadlines(),
                current.plannedDowntime())));
        newRequest = accounts.runAsVisitor(() -> requests.submit(new Submission("NEW", null, "Søg om tilskud til høreapparat",
                "https://www.example-styrelse.dk/hoereapparat", "Søg om tilskud, når du skal have et høreapparat.",
                "Høreleverandøren A/S", "kontakt@hoereleverandoer.dk", null, "MITID_NEMLOGIN", "ONLINE",
                List.of("sundhed-og-sygdom"), null, new ActionPageContent("Søg om tilskud til høreapparat",
                        "Her søger du om tilskud til et høreapparat.", List.of("MitID.", "Lægens henvisning."),
                        null, null, "Ring til kommunen.", "Du får svar i Digital Post.", null)), null));
        changeRequest = accounts.runAsVisitor(() -> requests.submit(new Submission("EXISTING",
                national.id().toString(), national.title(), national.url() + "ny", national.shortDescription(),
                "Netcompany A/S", "kontakt@netcompany.example", null, null, null, List.of(), null, null), null));

        // A failed login (with max-failed-attempts=1 it locks the account, so the account list shows "Lås op").
        open(LOGIN);
        browser.submitLogin(lockedOut.email(), "forkert-adgangskode");
        browser.waiting().until(ExpectedConditions.urlContains(LOGIN + "?fejl"));
    }

    /** Every backoffice page by its mapping, with the addresses to visit (its states worth seeing). */
    Map<String, List<String>> backofficePages() {
        String editorPage = "/redaktion/selvbetjeninger/" + NATIONAL + "/handlingsside";
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(LOGIN, List.of(LOGIN, LOGIN + "?fejl", LOGIN + "?logget-ud", LOGIN + "?adgangsnoegle-kraevet"));
                // The OpenID Connect login's outcome pages and the access requests (account.StaffLoginBrowserTests reaches
        // them through a real provider, with the login button, a pending request and the confirmation)
        pages.put(LOGIN + "/adgang-anmodet", List.of(LOGIN + "/adgang-anmodet"));
        pages.put(LOGIN + "/ukendt-organisation", List.of(LOGIN + "/ukendt-organisation"));
        pages.put(LOGIN + "/fejl", List.of(LOGIN + "/fejl", LOGIN + "/fejl?aarsag=afvist",
                LOGIN + "/fejl?aarsag=oplysninger", LOGIN + "/fejl?aarsag=e-mail", LOGIN + "/fejl?aarsag=%3Cscript%3E"));
        pages.put("/redaktion/adgang", List.of("/redaktion/adgang"));
        pages.put("/redaktion", List.of("/redaktion"));
        pages.put("/redaktion/skift-adgangskode", List.of("/redaktion/skift-adgangskode"));
        pages.put("/redaktion/konto/adgangsnoegler", List.of("/redaktion/konto/adgangsnoegler",
                "/redaktion/konto/adgangsnoegler?oprettet", "/redaktion/konto/adgangsnoegler?fjernet"));
        pages.put("/redaktion/konti", List.of("/redaktion/konti"));
        pages.put("/redaktion/api-noegler", List.of("/redaktion/api-noegler"));
        pages.put("/redaktion/log", List.of("/redaktion/log"));
        pages.put("/redaktion/udbakke", List.of("/redaktion/udbakke"));
        pages.put("/redaktion/synonymer", List.of("/redaktion/synonymer"));
        pages.put("/redaktion/soegninger", List.of("/redaktion/soegninger"));
        pages.put("/redaktion/linktjek", List.of("/redaktion/linktjek", "/redaktion/linktjek?udfald=BROKEN",
                "/redaktion/linktjek?udfald=ALLE&side=2"));
        pages.put("/redaktion/tilslutninger", List.of("/redaktion/tilslutninger",
                "/redaktion/tilslutninger?status=ALLE"));
        pages.put("/redaktion/tilslutninger/{reference}", List.of("/redaktion/tilslutninger/" + newRequest.reference(),
                "/redaktion/tilslutninger/" + changeRequest.reference()));
        pages.put("/redaktion/selvbetjeninger", List.of("/redaktion/selvbetjeninger"));
        pages.put("/redaktion/selvbetjeninger/{slug}/handlingsside",
                List.of(editorPage, "/redaktion/selvbetjeninger/" + MUNICIPAL + "/handlingsside"));
        pages.put("/redaktion/selvbetjeninger/{slug}/handlingsside/revisioner", List.of(editorPage + "/revisioner"));
        pages.put("/redaktion/selvbetjeninger/{slug}/handlingsside/revisioner/sammenlign",
                List.of(editorPage + "/revisioner/sammenlign?fra=1&til=2"));
        pages.put("/redaktion/selvbetjeninger/{slug}/handlingsside/arkiver", List.of(editorPage + "/arkiver"));
        pages.put("/redaktion/selvbetjeninger/{slug}/handlingsside/afpublicer", List.of(editorPage + "/afpublicer"));
        pages.put("/redaktion/selvbetjeninger/{slug}/handlingsside/forhaandsvisning",
                List.of(editorPage + "/forhaandsvisning",
                        "/redaktion/selvbetjeninger/" + MUNICIPAL + "/handlingsside/forhaandsvisning?kommunekode=101"));
        pages.put("/redaktion/kommunelinks", List.of("/redaktion/kommunelinks"));
        pages.put("/redaktion/kommunelinks/kommune/{code}", List.of("/redaktion/kommunelinks/kommune/101",
                "/redaktion/kommunelinks/kommune/153"));
        pages.put("/redaktion/kommunelinks/selvbetjening/{slug}",
                List.of("/redaktion/kommunelinks/selvbetjening/" + MUNICIPAL));
        pages.put("/redaktion/kommunelinks/kommune/{code}/{slug}",
                List.of("/redaktion/kommunelinks/kommune/101/" + MUNICIPAL));
        pages.put("/redaktion/kommunelinks/import", List.of("/redaktion/kommunelinks/import"));
        pages.put(IMPORT_REPORT, List.of()); // reached by uploading a file: see theImportReport…
        pages.put("/redaktion/krav", List.of("/redaktion/krav"));
        pages.put("/redaktion/krav/{number}", List.of("/redaktion/krav/1.1"));
        pages.put("/redaktion/vurderinger", List.of("/redaktion/vurderinger"));
        // Signed off, failing after publishing, exempted, and questioned by an editor (see demo.DemoAssessments).
        pages.put("/redaktion/vurderinger/{slug}", Stream.of(NATIONAL, "anmeld-rotter",
                "soeg-om-separation-eller-skilsmisse", "soeg-om-hjaelpemidler")
                .map(slug -> "/redaktion/vurderinger/" + slug).toList());
        pages.put("/redaktion/vurderinger/{slug}/udfyld", List.of("/redaktion/vurderinger/" + NATIONAL + "/udfyld"));
        pages.put("/redaktion/klarmelding", List.of("/redaktion/klarmelding", "/redaktion/klarmelding?aar=abc"));
        pages.put("/redaktion/klarmelding/udskriv", List.of("/redaktion/klarmelding/udskriv"));
        pages.put("/redaktion/myndigheder", List.of("/redaktion/myndigheder",
                "/redaktion/myndigheder?type=MUNICIPALITY&nedlagte=true", "/redaktion/myndigheder?type=ukendt"));
        pages.put("/redaktion/myndigheder/{id}", List.of("/redaktion/myndigheder/"
                + authorities.municipalityAuthority(147).orElseThrow().id()));
        pages.put("/redaktion/myndigheder/ny", List.of("/redaktion/myndigheder/ny"));
        pages.put("/redaktion/myndigheder/importer", List.of("/redaktion/myndigheder/importer"));
        // reached by uploading a file: AuthorityJourneyBrowserTests checks it with axe
        pages.put("/redaktion/myndigheder/importer/rapport", List.of());
        return pages;
    }

    /** Every citizen (and supplier) page by its mapping, with the addresses to visit. */
    Map<String, List<String>> citizenPages() {
        String municipal = "/handlingsside/" + MUNICIPAL;
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/", List.of("/"));
        pages.put("/emner/{slug}", List.of("/emner/familie-og-boern", "/emner/findes-ikke"));
        pages.put("/handlingsside/{slug}", List.of(municipal, municipal + "?kommune=mangler",
                municipal + "?kommunekode=101", municipal + "?kommunekode=153", municipal + "?kommunekode=9999",
                "/handlingsside/" + WITHOUT_A_LINK_IN_147 + "?kommunekode=147", "/handlingsside/" + NATIONAL,
                "/handlingsside/findes-ikke"));
        pages.put("/vaelg-kommune", List.of("/vaelg-kommune?returnTo=/", "/vaelg-kommune?returnTo=/&kommunekode=abc",
                "/vaelg-kommune?returnTo=/&kommunekode="));
        pages.put("/aabne-data", List.of("/aabne-data"));
        pages.put("/soeg", List.of("/soeg", "/soeg?q=korekort", "/soeg?q=boligst%C3%B8tte&emne=bolig-og-flytning",
                "/soeg?q=xylofonstemmer", "/soeg?q=storskrlad", "/soeg?q=%3Cscript%3E"));
        pages.put("/kommuner/{code}/direkte-links", List.of("/kommuner/101/direkte-links"));
        pages.put("/tilslut", List.of("/tilslut"));
        pages.put("/tilslut/tak", List.of("/tilslut/tak"));
        pages.put("/tilslut/kvittering/{reference}", List.of("/tilslut/kvittering/" + newRequest.reference()
                + "?token=" + newRequest.statusToken()));
        pages.put("/tilslut/status/{reference}", List.of(newRequest.statusPath()));
        return pages;
    }

    /**
     * The error pages the addresses above do not show (they show 404: an unknown slug, and 400: a bad year; 403 is
     * in actionpage.web.ActionPageJourneyBrowserTests): 500, 409 and another 4xx (a GET on a POST-only address).
     */
    /** Listed addresses whose answer is meant to be an error page (a bad parameter, an unknown slug). */
    private static final Set<String> MEANT_AS_ERRORS = Set.of("/redaktion/klarmelding?aar=abc",
            "/redaktion/myndigheder?type=ukendt", "/emner/findes-ikke", "/handlingsside/findes-ikke");

    static Stream<String> errorPageAddresses() {
        return Stream.of(FailingController.UNEXPECTED, FailingController.REFUSED, "/redaktion/linktjek/tjek");
    }

    @Test
    void everyGetAddressTheApplicationServesIsListedHere() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> NOT_PAGE_PREFIXES.stream().noneMatch(pattern::startsWith))
                .forEach(served::add);
        Set<String> listed = new TreeSet<>(NOT_PAGES);
        listed.addAll(backofficePages().keySet());
        listed.addAll(citizenPages().keySet());
        listed.addAll(List.of(FailingController.UNEXPECTED, FailingController.REFUSED));

        assertThat(served).as("""
                GET addresses with no browser check: add each page to backofficePages() or citizenPages() in \
                EveryPageBrowserTests with an address to visit (or to NOT_PAGES if it answers with a file or \
                a redirect)""").isSubsetOf(listed);
        assertThat(listed).as("listed addresses the application no longer serves").isSubsetOf(served);
    }

    Stream<String> backofficeAddresses() {
        return backofficePages().values().stream().flatMap(List::stream);
    }

    Stream<String> citizenAddresses() {
        return citizenPages().values().stream().flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backofficeAddresses")
    void backofficePageHasNoAccessibilityViolations(String address) {
        if (address.startsWith(LOGIN)) {
            logOut();
            open(address);
        } else {
            openAsEditor(address);
        }
        assertNotAnErrorPage(address);
        assertPageWithoutViolations(address);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("citizenAddresses")
    void citizenPageHasNoAccessibilityViolations(String address) {
        driver.manage().deleteCookieNamed("kommunekode");
        driver.manage().deleteCookieNamed("kommunekode-fra-link");
        open(address);
        assertNotAnErrorPage(address);
        assertPageWithoutViolations(address);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorPageAddresses")
    void errorPageHasNoAccessibilityViolations(String address) {
        openAsEditor(address);
        assertPageWithoutViolations(address);
    }

    @Test
    void theImportReportAfterUploadingAFileWithAGoodAndABadRowHasNoAccessibilityViolations() throws IOException {
        Path file = Files.createTempFile("kommunelinks", ".csv");
        try {
            Files.write(file, LinkFiles.csv("101;" + MUNICIPAL + ";https://www.kk.dk/ny-opskrivning",
                    "147;" + MUNICIPAL + ";http://www.frederiksberg.dk/ikke-sikker"));
            openAsEditor("/redaktion/kommunelinks/import");
            driver.findElement(By.id("file")).sendKeys(file.toString());
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waiting().until(ExpectedConditions.urlToBe(url(IMPORT_REPORT)));
            assertThat(driver.findElement(By.id("count-errors")).getText()).isEqualTo("1");
            browser.assertNoAccessibilityViolations();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theLinkCheckDashboardWithItsNoticeAfterChangingTheStartButtonPolicyHasNoAccessibilityViolations() {
        openAsEditor("/redaktion/linktjek");
        driver.findElement(By.cssSelector("form[action='/redaktion/linktjek/startknap'] button")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/redaktion/linktjek#startknap"));
        assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).isNotBlank();
        browser.assertNoAccessibilityViolations();
    }

    /** A page that fails to render shows an error page, which axe would pass: its title gives it away. */
    private void assertNotAnErrorPage(String address) {
        if (MEANT_AS_ERRORS.contains(address)) {
            return;
        }
        List<String> errorTitles = Stream.of("error.notFound.title", "error.badRequest.title", "error.server.title",
                "error.forbidden.title").map(key -> messages.getMessage(key, null, Locale.forLanguageTag("da"))).toList();
        assertThat(driver.getTitle()).as("the title of %s", address).isNotIn(errorTitles);
    }

    private void assertPageWithoutViolations(String address) {
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("the heading of %s", address).isNotBlank();
        browser.assertNoAccessibilityViolations();
        browser.assertNoContentSecurityPolicyViolations();
    }

    /** Opens a backoffice address, logging in as the editor on the way when the session has none. */
    private void openAsEditor(String address) {
        open(address);
        if (driver.getCurrentUrl().startsWith(url(LOGIN))) {
            browser.submitLogin(editor.email(), editor.password());
            browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains(LOGIN)));
            if (!driver.getCurrentUrl().equals(url(address))) {
                open(address);
            }
        }
    }

    private void logOut() {
        driver.manage().deleteAllCookies();
    }

    private void open(String address) {
        driver.get(url(address));
    }

    private String url(String address) {
        return "http://127.0.0.1:" + port + address;
    }

    /** Fails on demand, for the error pages no real address shows at will; a page controller, as the real ones. */
    @Controller
    static class FailingController {

        static final String UNEXPECTED = "/test/uventet-fejl";
        static final String REFUSED = "/test/afvist";

        @GetMapping(UNEXPECTED)
        String unexpected() {
            throw new IllegalStateException("Failing on purpose");
        }

        @GetMapping(REFUSED)
        String refused() {
            throw new PublicationRefusedException("test", List.of("Krav 2.2 er ikke besvaret."));
        }
    }
}
