package dk.selvbetjening.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import dk.selvbetjening.account.CreatedAccount;
import jakarta.servlet.http.Cookie;
import dk.selvbetjening.authority.AuthorityFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Production as it starts: PostgreSQL, the postgres profile, no demo content, nothing in the database but the
 * reference data and the first editor from the bootstrap settings. From there, through the pages and the API only:
 * the register is filled (the 98 municipalities and 5 regions, an authority by the web form, one by the API), an
 * authority editor gets an account, a supplier's connection request naming the authority is taken, approved and
 * published, and citizens see the action page. Then a request naming an authority nobody has registered yet is
 * accepted, its review page offers to create the authority, and approving links the two.
 */
@SpringBootTest(properties = {"selvbetjening.demo.enabled=false", "selvbetjening.linkcheck.enabled=false",
        // a password journey: the postgres profile's mandatory editor passkeys are PasskeyJourneyBrowserTests'
        "selvbetjening.account.editor-passkey-required=false",
        "SELVBETJENING_DB_PASSWORD=unused-the-embedded-server-is-used",
        "SELVBETJENING_CONNECTION_TOKEN_SECRET=a-test-only-status-link-secret-of-40-chars",
        "selvbetjening.account.bootstrap-editor-email=" + EmptyDatabaseFlowPostgresTests.FIRST_EDITOR,
        "selvbetjening.account.bootstrap-editor-password=" + EmptyDatabaseFlowPostgresTests.FIRST_PASSWORD,
        // the editor works through the API with HTTP Basic, which the postgres profile turns off (ADR 0028)
        "selvbetjening.api.basic-auth-enabled=true"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
@Import(EmbeddedPostgresConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmptyDatabaseFlowPostgresTests {

    static final String FIRST_EDITOR = "forste.redaktoer@redaktion.example";
    static final String FIRST_PASSWORD = "en-lang-adgangskode-til-start";
    private static final String NEW_PASSWORD = "myndighedens-egen-adgangskode";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    private static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The session cookie of a new login: on the postgres profile the session lives in the database (ADR 0018). */
    private Cookie logIn(String email, String password) {
        MvcTestResult login = mvc.post().uri("/redaktion/log-ind").with(csrf()).param("email", email)
                .param("password", password).exchange();
        assertThat(login).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/redaktion");
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).as("the session cookie of Spring Session").isNotNull();
        return session;
    }

    private static Document html(MvcTestResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String etagOf(String uri, String authorization) {
        return mvc.get().uri(uri).header("Authorization", authorization).exchange().getResponse().getHeader("ETag");
    }

    /** Takes, approves and publishes the request through the API, each step at the version just read. */
    private void takeApprovePublish(String reference) {
        String editor = basic(FIRST_EDITOR, FIRST_PASSWORD);
        for (String action : new String[] {"take", "approve", "publish"}) {
            String etag = etagOf("/api/v1/connection-requests/" + reference, editor);
            assertThat(mvc.post().uri("/api/v1/connection-requests/" + reference + "/" + action)
                    .header("Authorization", editor).header("If-Match", etag)).as(action).hasStatusOk();
        }
    }

    private String submit(String title, String cvr) {
        MvcTestResult submitted = mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .content("""
                        {"kind": "NEW", "title": "%1$s", "url": "https://tilskud.example.dk/%2$s",
                         "shortDescription": "Søg om tilskud.", "supplierName": "Leverandøren A/S",
                         "supplierEmail": "tilslutning@leverandoer.example", "authority": "%2$s",
                         "actionPage": {"title": "%1$s", "intro": "Her søger du om tilskud.",
                                        "beforeYouStart": ["Du skal bruge MitID."]}}""".formatted(title, cvr))
                .exchange();
        assertThat(submitted).hasStatus(HttpStatus.CREATED);
        return submitted.getResponse().getHeader("Location").replaceAll(".*/", "");
    }

    @Test
    @Order(1)
    void fromAnEmptyDatabaseToAPublishedActionPage() throws Exception {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM authority").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM self_service").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT email FROM account").query(String.class).list()).containsExactly(FIRST_EDITOR);
        assertThat(mvc.get().uri("/api/v1/authorities")).hasStatusOk().bodyJson().isEqualTo("[]");

        // The first editor fills the register: the municipalities and regions ready-made, without CVR numbers.
        Cookie editor = logIn(FIRST_EDITOR, FIRST_PASSWORD);
        Document empty = html(mvc.get().uri("/redaktion/myndigheder").cookie(editor).exchange());
        assertThat(empty.select(".authority-missing button").text()).isEqualTo("Opret de 98 kommuner og 5 regioner");
        assertThat(mvc.post().uri("/redaktion/myndigheder/kommuner-og-regioner").cookie(editor).with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        Document filled = html(mvc.get().uri("/redaktion/myndigheder?ufuldstaendige=true").cookie(editor).exchange());
        assertThat(filled.select(".authority-missing")).isEmpty();
        assertThat(filled.select(".authority-incomplete .alert-heading").text())
                .isEqualTo("103 myndigheder mangler CVR-nummer");
        assertThat(filled.select("table.authority-table tbody th").eachText())
                .contains("Københavns Kommune", "Aarhus Kommune", "Bornholms Regionskommune", "Region Midtjylland")
                .hasSize(103);

        // An authority by the web form, and the CVR number of a municipality by the API.
        String agencyCvr = AuthorityFixtures.aCvrNumber().value();
        assertThat(mvc.post().uri("/redaktion/myndigheder/ny").cookie(editor).with(csrf())
                .param("name", "Tilskudsstyrelsen").param("type", "STATE").param("cvrNumber", agencyCvr)
                .param("homepageUrl", "https://tilskud.example.dk").param("contactEmail", "post@tilskud.example.dk"))
                .hasStatus(HttpStatus.FOUND);
        String firstEditor = basic(FIRST_EDITOR, FIRST_PASSWORD);
        java.util.List<String> aarhusIds = com.jayway.jsonpath.JsonPath.read(mvc.get()
                .uri("/api/v1/authorities?type=MUNICIPALITY").exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$[?(@.municipalityCode == 751)].id");
        String aarhus = aarhusIds.get(0);
        String aarhusUri = "/api/v1/authorities/" + aarhus;
        assertThat(mvc.put().uri(aarhusUri).header("Authorization", firstEditor)
                .header("If-Match", etagOf(aarhusUri, firstEditor)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Aarhus Kommune", "type": "MUNICIPALITY", "cvrNumber": "55133018",
                         "municipalityCode": 751, "homepageUrl": "https://www.aarhus.dk"}"""))
                .hasStatusOk().bodyJson().extractingPath("$.complete").isEqualTo(true);

        // The authority's own editor gets an account on the accounts page, which offers the new authority.
        Document accounts = html(mvc.get().uri("/redaktion/konti").cookie(editor).exchange());
        String agencyId = accounts.select("#authorityId option").stream()
                .filter(o -> o.text().equals("Tilskudsstyrelsen")).findFirst().orElseThrow().val();
        assertThat(accounts.select("#authorityId option").eachText()).contains("Aarhus Kommune")
                .doesNotContain("Københavns Kommune");
        MvcTestResult created = mvc.post().uri("/redaktion/konti").cookie(editor).with(csrf())
                .param("email", "redaktoer@tilskud.example.dk").param("displayName", "Tilskudsstyrelsens redaktør")
                .param("role", "AUTHORITY_EDITOR").param("authorityId", agencyId).exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        String oneTime = ((CreatedAccount) created.getMvcResult().getFlashMap().get("created")).temporaryPassword();

        // A supplier asks to connect a new self-service for the authority; the first editor publishes it.
        String reference = submit("Søg om tilskud til flow", agencyCvr);
        takeApprovePublish(reference);
        assertThat(mvc.get().uri("/handlingsside/soeg-om-tilskud-til-flow")).hasStatusOk().bodyText()
                .contains("Søg om tilskud til flow").contains("Her søger du om tilskud.");
        assertThat(mvc.get().uri("/api/v1/services/soeg-om-tilskud-til-flow")).bodyJson()
                .extractingPath("$.authority.name").isEqualTo("Tilskudsstyrelsen");

        // The authority's editor changes the one-time password and finds the request among its own.
        Cookie own = logIn("redaktoer@tilskud.example.dk", oneTime);
        MvcTestResult changed = mvc.post().uri("/redaktion/skift-adgangskode").cookie(own).with(csrf())
                .param("currentPassword", oneTime).param("newPassword", NEW_PASSWORD).exchange();
        assertThat(changed).hasStatusOk();
        // the session goes on under a new id (a new cookie), as a browser would keep it
        own = changed.getResponse().getCookie("SESSION");
        assertThat(own).isNotNull();
        assertThat(html(mvc.get().uri("/redaktion/tilslutninger?status=ALLE").cookie(own).exchange()).text()).contains(reference);
        assertThat(mvc.get().uri("/redaktion/myndigheder").cookie(own)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    @Order(2)
    void aRequestNamingAnUnregisteredAuthorityIsApprovedOnceTheEditorCreatesItFromTheReviewPage() throws Exception {
        String cvr = AuthorityFixtures.aCvrNumber().value();
        String reference = submit("Søg om tilskud til nye", cvr);
        Cookie editor = logIn(FIRST_EDITOR, FIRST_PASSWORD);
        Document review = html(mvc.get().uri("/redaktion/tilslutninger/" + reference).cookie(editor).exchange());
        String create = review.select("a.connection-create-authority").attr("href");
        assertThat(create).isEqualTo("/redaktion/myndigheder/ny?cvr=" + cvr + "&tilbage=/redaktion/tilslutninger/"
                + reference);

        Document form = html(mvc.get().uri(create).cookie(editor).exchange());
        assertThat(form.select("#cvrNumber").val()).isEqualTo(cvr);
        assertThat(mvc.post().uri("/redaktion/myndigheder/ny").cookie(editor).with(csrf())
                .param("name", "Nystyrelsen").param("type", "STATE").param("cvrNumber", form.select("#cvrNumber").val())
                .param("tilbage", form.select("input[name=tilbage]").val())).hasStatus(HttpStatus.FOUND)
                .redirectedUrl().isEqualTo("/redaktion/tilslutninger/" + reference);

        takeApprovePublish(reference);
        assertThat(mvc.get().uri("/api/v1/services/soeg-om-tilskud-til-nye")).hasStatusOk().bodyJson()
                .extractingPath("$.authority.name").isEqualTo("Nystyrelsen");
    }

    @Test
    @Order(3)
    void aFormAndAMunicipalSolutionAreConnectedAndPublishedOnTheEmptyDatabaseToo() throws Exception {
        String firstEditor = basic(FIRST_EDITOR, FIRST_PASSWORD);
        String cvr = AuthorityFixtures.aCvrNumber().value();
        assertThat(mvc.post().uri("/api/v1/authorities").header("Authorization", firstEditor)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Blanketstyrelsen", "type": "STATE", "cvrNumber": "%s",
                         "homepageUrl": "https://blanket.example.dk"}""".formatted(cvr)))
                .hasStatus(HttpStatus.CREATED);

        String form = submitted("""
                {"kind": "NEW", "serviceKind": "FORM", "formReturn": ["POST", "DIGITAL_SIGNED"],
                 "title": "Søg om fritagelse med blanket", "url": "https://blanket.example.dk/fritagelse.pdf",
                 "shortDescription": "Hent blanketten, udfyld den og send den.", "supplierName": "Blanketstyrelsen",
                 "supplierEmail": "blanket@blanket.example.dk", "authority": "%s",
                 "actionPage": {"title": "Søg om fritagelse med blanket", "intro": "Her søger du om fritagelse.",
                                "beforeYouStart": ["Du skal bruge MitID eller en printer."]}}""".formatted(cvr));
        String municipal = submitted("""
                {"kind": "NEW", "scope": "MUNICIPAL", "title": "Bestil afhentning af haveaffald",
                 "shortDescription": "Bestil afhentning af haveaffald.", "supplierName": "Affald A/S",
                 "supplierEmail": "support@affald.example", "authority": "%s",
                 "municipalLinks": {"751": "https://www.aarhus.dk/haveaffald"},
                 "actionPage": {"title": "Bestil afhentning af haveaffald", "intro": "Her bestiller du afhentning.",
                                "beforeYouStart": ["Du skal bruge MitID."]}}""".formatted(cvr));
        takeApprovePublish(form);
        takeApprovePublish(municipal);

        assertThat(mvc.get().uri("/api/v1/services/soeg-om-fritagelse-med-blanket")).hasStatusOk().bodyJson()
                .extractingPath("$.kind").isEqualTo("FORM");
        assertThat(mvc.get().uri("/handlingsside/soeg-om-fritagelse-med-blanket")).hasStatusOk().bodyText()
                .contains("Her søger du om fritagelse.");
        // Aarhus got its CVR number in the first test: its page names it as responsible and starts its link.
        assertThat(mvc.get().uri("/handlingsside/bestil-afhentning-af-haveaffald?kommunekode=751")).hasStatusOk()
                .bodyText().contains("Aarhus Kommune")
                .contains("<span>Start bestillingen</span>").contains("Du fortsætter på aarhus.dk.")
                .contains("<p class=\"you-need\">Du skal bruge:</p>");
        MvcTestResult chosen = mvc.get().uri("/vaelg-kommune?returnTo=/handlingsside/bestil-afhentning-af-haveaffald"
                + "&kommunekode=751").exchange();
        assertThat(chosen).hasStatus(HttpStatus.SEE_OTHER).hasHeader("Location",
                "/handlingsside/bestil-afhentning-af-haveaffald?kommunekode=751#start");
        assertThat(mvc.get().uri("/handlingsside/bestil-afhentning-af-haveaffald/start?kommunekode=751"))
                .hasStatus(HttpStatus.SEE_OTHER).redirectedUrl().isEqualTo("https://www.aarhus.dk/haveaffald");
    }

    private String submitted(String json) throws Exception {
        MvcTestResult result = mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
        assertThat(result).as(result.getResponse().getContentAsString()).hasStatus(HttpStatus.CREATED);
        return result.getResponse().getHeader("Location").replaceAll(".*/", "");
    }
}
