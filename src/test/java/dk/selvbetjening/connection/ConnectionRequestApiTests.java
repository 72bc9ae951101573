package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.notification.OutboxEntry;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The connection request API: submission, status token, review actions, authorization per role. */
@SpringBootTest(properties = "selvbetjening.connection.submissions-per-minute=1000")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionRequestApiTests {

    private static final Pattern REFERENCE = Pattern.compile("TS-\\d{4}-\\d{6}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    PortalTestData data;

    @Autowired
    MailOutbox outbox;

    @Autowired
    SelfServiceService services;

    AuthorityDetails owner;
    AuthorityDetails other;
    AccountFixtures.TestAccount editor;
    AccountFixtures.TestAccount ownerEditor;
    AccountFixtures.TestAccount otherEditor;
    SelfServiceDetails existing;

    @BeforeAll
    void setUp() {
        owner = authorities.register(AuthorityFixtures.aStateAuthority("Ejerstyrelsen"));
        other = authorities.register(AuthorityFixtures.aStateAuthority("Andenstyrelsen"));
        editor = accounts.editor();
        ownerEditor = accounts.authorityEditor(owner.id());
        otherEditor = accounts.authorityEditor(other.id());
        existing = data.publishedNational("https://www.borger.dk/eksisterende");
    }

    private String body(String title, String url) {
        return """
                {"kind": "NEW", "title": "%s", "url": "%s", "shortDescription": "Søg om tilskud til noget.",
                 "supplierName": "Leverandør A/S", "supplierEmail": "support@leverandoer.dk",
                 "authority": "%s", "topics": ["familie-og-boern"], "plannedGoLive": "2099-01-01",
                 "actionPage": {"title": "Søg om tilskud", "intro": "Her kan du søge.", "beforeYouStart": ["MitID."]}}"""
                .formatted(title, url, owner.cvrNumber());
    }

    private MvcTestResult submit(String json, String idempotencyKey) {
        var request = mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private static String reference(MvcTestResult result) throws Exception {
        Matcher m = REFERENCE.matcher(result.getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private static String token(MvcTestResult result) throws Exception {
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(result.getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String etag(String reference) {
        return mvc.get().uri("/api/v1/connection-requests/" + reference).header("Authorization", editor.basic())
                .exchange().getResponse().getHeader("ETag");
    }

    @Test
    void acceptsAValidRequestWithAReferenceAndASecretStatusLink() throws Exception {
        MvcTestResult result = submit(body("Søg om tilskud", "https://www.ejer.dk/tilskud-1"), null);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        String reference = reference(result);
        assertThat(result).hasHeader("Location", "http://localhost/api/v1/connection-requests/" + reference);
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                {"reference": "%s", "status": "SUBMITTED",
                 "statusUrl": "http://localhost/tilslut/status/%s?token=%s", "duplicates": []}"""
                .formatted(reference, reference, token(result)));
        List<OutboxEntry> toSupplier = outbox.to("support@leverandoer.dk");
        assertThat(toSupplier).anyMatch(m -> m.subject().equals("Vi har modtaget din anmodning " + reference));
        assertThat(outbox.to(outbox.editorsMailbox()))
                .anyMatch(m -> m.subject().equals("Ny anmodning om tilslutning " + reference));
    }

    @Test
    void listsEveryProblemInDanishAndStoresNothing() {
        long before = outbox.counts().pending();
        String bad = """
                {"kind": "EXISTING", "existingServiceId": "not-a-uuid", "title": "", "url": "http://user:pw@x.dk",
                 "shortDescription": "%s", "supplierName": "", "supplierEmail": "ikke-en-mail",
                 "authority": "12345678", "loginMethod": "PASSWORD", "serviceKind": "APP",
                 "topics": ["findes-ikke"], "plannedGoLive": "2000-01-01"}""".formatted("x".repeat(501));
        assertThat(submit(bad, null)).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isStrictlyEqualTo("""
                {"type": "about:blank", "title": "Anmodningen har fejl", "status": 400,
                 "detail": "Ret de 11 felter i errors, og send igen.", "instance": "/api/v1/connection-requests",
                 "errors": [
                  {"field": "existingServiceId", "message": "Vi kan ikke finde den eksisterende selvbetjening. Vælg den på listen."},
                  {"field": "title", "message": "Skriv titlen."},
                  {"field": "url", "message": "Adressen skal starte med https:// — ikke http://."},
                  {"field": "shortDescription", "message": "Den korte beskrivelse må højst være 500 tegn."},
                  {"field": "supplierName", "message": "Skriv løsningsleverandørens navn."},
                  {"field": "supplierEmail", "message": "Skriv e-mailadressen i det rigtige format, fx support@leverandoer.dk."},
                  {"field": "authority", "message": "CVR-nummeret findes ikke. Tjek, at du har skrevet alle 8 cifre rigtigt."},
                  {"field": "loginMethod", "message": "Vælg en log-in-metode på listen."},
                  {"field": "serviceKind", "message": "Vælg, om det er en onlineløsning, en blanket eller en portal."},
                  {"field": "topics", "message": "Vælg emner på listen."},
                  {"field": "plannedGoLive", "message": "Datoen for idriftsættelse må ikke ligge i fortiden."}]}""");
        assertThat(outbox.counts().pending()).isEqualTo(before);
    }

    @Test
    void answersABodyThatIsNotJsonWithAProblem() {
        assertThat(submit("{not json", null)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.detail").isEqualTo("Forespørgslen er ikke gyldig JSON. Tjek kroppen, og send igen.");
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyGetsTheSameAnswerAndCreatesNothing() throws Exception {
        String json = body("Søg om gentagelse", "https://www.ejer.dk/gentag");
        MvcTestResult first = submit(json, "key-123");
        long pending = outbox.counts().pending();
        MvcTestResult second = submit(json, "key-123");
        assertThat(second).hasStatus(HttpStatus.CREATED);
        assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(outbox.counts().pending()).isEqualTo(pending);
    }

    @Test
    void aKnownIdempotencyKeyWithAnotherBodyIsRefusedAndNeverHandsOutTheFirstStatusLink() throws Exception {
        MvcTestResult first = submit(body("Søg om nøgle", "https://www.ejer.dk/noegle"), "key-shared");
        String firstToken = token(first);
        long pending = outbox.counts().pending();
        MvcTestResult other = submit(body("Søg om noget andet", "https://www.ejer.dk/andet"), "key-shared");
        assertThat(other).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other).bodyJson().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(other).bodyJson().extractingPath("$.detail").asString().contains("Idempotency-Key");
        assertThat(other.getResponse().getContentAsString()).doesNotContain(firstToken).doesNotContain(reference(first));
        assertThat(outbox.counts().pending()).isEqualTo(pending);

        String reordered = """
                {"actionPage": {"beforeYouStart": ["MitID."], "intro": "Her kan du søge.", "title": "Søg om tilskud"},
                 "plannedGoLive": "2099-01-01", "topics": ["familie-og-boern"], "authority": "%s",
                 "supplierEmail": "support@leverandoer.dk", "supplierName": "Leverandør A/S",
                 "shortDescription": "Søg om tilskud til noget.", "url": "https://www.ejer.dk/noegle",
                 "title": "Søg om nøgle", "kind": "NEW"}""".formatted(owner.cvrNumber());
        assertThat(submit(reordered, "key-shared")).as("the same body, written otherwise, is the same request")
                .hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.statusUrl").asString().contains(firstToken);
    }

    @Test
    void duplicateWarningsShowOnlyPublishedServicesAndThatAnotherRequestHasTheAddress() throws Exception {
        String url = "https://www.ejer.dk/dublet";
        SelfServiceDetails draft = dk.selvbetjening.shared.SystemPrincipal.call(() -> services.add(
                SelfServiceFixtures.aNationalSelfService(other.id(), url)));
        MvcTestResult firstRequest = submit(body("Søg om hemmelig titel", url), null);
        String firstReference = reference(firstRequest);

        MvcTestResult second = submit(body("Søg om dublet", url + "/"), null);
        assertThat(second).bodyJson().isStrictlyEqualTo("""
                {"reference": "%s", "status": "SUBMITTED", "statusUrl": "http://localhost/tilslut/status/%s?token=%s",
                 "duplicates": [{"url": "https://www.ejer.dk/dublet", "serviceSlug": null, "serviceTitle": null,
                                 "otherRequest": true, "municipalities": []}]}"""
                .formatted(reference(second), reference(second), token(second)));
        assertThat(second.getResponse().getContentAsString()).doesNotContain(firstReference)
                .doesNotContain("hemmelig").doesNotContain(draft.slug()).doesNotContain(draft.title());
        assertThat(mvc.get().uri("/api/v1/connection-requests/" + reference(second) + "?token=" + token(second))
                .exchange().getResponse().getContentAsString())
                .doesNotContain(firstReference).doesNotContain(draft.slug());

        MvcTestResult catalogued = submit(body("Søg om kopi", "https://WWW.borger.dk/eksisterende/"), null);
        assertThat(catalogued).bodyJson().extractingPath("$.duplicates[0].serviceSlug").isEqualTo(existing.slug());
        assertThat(catalogued).bodyJson().extractingPath("$.duplicates[0].otherRequest").isEqualTo(false);

        assertThat(mvc.get().uri("/api/v1/connection-requests/" + reference(second))
                .header("Authorization", editor.basic())).as("editors see which request and which draft")
                .bodyJson().extractingPath("$.duplicatesForEditors[*].requestReference").asArray().contains(firstReference);
        assertThat(mvc.get().uri("/api/v1/connection-requests/" + reference(second))
                .header("Authorization", editor.basic()))
                .bodyJson().extractingPath("$.duplicatesForEditors[*].serviceSlug").asArray().contains(draft.slug());
    }

    @Test
    void showsTheRequestOnlyToTheTokenHolderEditorsAndTheOwningAuthority() throws Exception {
        MvcTestResult submitted = submit(body("Søg om adgang", "https://www.ejer.dk/adgang"), null);
        String reference = reference(submitted);
        String uri = "/api/v1/connection-requests/" + reference;
        assertThat(mvc.get().uri(uri)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(uri + "?token=forkert")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(uri).header("Authorization", otherEditor.basic())).hasStatus(HttpStatus.NOT_FOUND);
        MvcTestResult byToken = mvc.get().uri(uri + "?token=" + token(submitted)).exchange();
        String etag = etag(reference);
        assertThat(byToken).hasStatusOk().hasHeader("ETag", etag);
        assertThat(byToken).bodyJson().extractingPath("$.title").isEqualTo("Søg om adgang");
        assertThat(mvc.get().uri(uri).header("Authorization", ownerEditor.basic())).hasStatusOk();
        assertThat(mvc.get().uri(uri).header("Authorization", editor.basic())).hasStatusOk();
        assertThat(mvc.get().uri(uri + "?token=" + token(submitted)).header("If-None-Match", etag))
                .hasStatus(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void onlyEditorsActAndOnlyOnTheVersionTheyRead() throws Exception {
        String reference = reference(submit(body("Søg om handling", "https://www.ejer.dk/handling"), null));
        String take = "/api/v1/connection-requests/" + reference + "/take";
        String etag = etag(reference);
        assertThat(mvc.post().uri(take).header("If-Match", etag)).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.detail").isEqualTo("Log ind med din konto (HTTP Basic) for at gøre dette.");
        assertThat(mvc.post().uri(take).header("If-Match", etag).header("Authorization", ownerEditor.basic()))
                .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.title").isEqualTo("Ingen adgang");
        assertThat(mvc.post().uri(take).header("Authorization", editor.basic()))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(mvc.post().uri(take).header("If-Match", "\"77\"").header("Authorization", editor.basic()))
                .hasStatus(HttpStatus.PRECONDITION_FAILED).bodyJson().extractingPath("$.detail")
                .isEqualTo("Anmodningen er ændret, siden du hentede den. Hent den igen, og se hvad der er sket.");
        assertThat(mvc.post().uri("/api/v1/connection-requests/" + reference + "/approve").header("If-Match", etag)
                .header("Authorization", editor.basic()))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail")
                .isEqualTo("Du kan kun godkende en anmodning under behandling. Den er nu: Modtaget.");
        assertThat(mvc.post().uri(take).header("If-Match", etag).header("Authorization", editor.basic()))
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("IN_REVIEW");
    }

    @Test
    void aRequestGoesFromSubmissionThroughChangesToAPublishedActionPage() throws Exception {
        MvcTestResult submitted = submit(body("Søg om hele vejen", "https://www.ejer.dk/hele-vejen"), null);
        String reference = reference(submitted);
        String base = "/api/v1/connection-requests/" + reference;
        mvc.post().uri(base + "/take").header("If-Match", etag(reference)).header("Authorization", editor.basic())
                .exchange();
        assertThat(mvc.post().uri(base + "/request-changes").header("If-Match", etag(reference))
                .header("Authorization", editor.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"Skriv titlen med et udsagnsord først.\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.messages[0].text")
                .isEqualTo("Skriv titlen med et udsagnsord først.");
        assertThat(outbox.to("support@leverandoer.dk"))
                .anyMatch(m -> m.subject().equals("Anmodning " + reference + ": Ændringer ønsket"));

        assertThat(mvc.get().uri(base + "?token=" + token(submitted))).bodyJson().extractingPath("$.status")
                .isEqualTo("CHANGES_REQUESTED");
        assertThat(mvc.post().uri(base + "/approve").header("If-Match", etag(reference))
                .header("Authorization", editor.basic())).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void twoEditorsApprovingAtOnceOneWinsTheOtherIsTold() throws Exception {
        String reference = reference(submit(body("Søg om kapløb", "https://www.ejer.dk/kaploeb"), null));
        String base = "/api/v1/connection-requests/" + reference;
        mvc.post().uri(base + "/take").header("If-Match", etag(reference)).header("Authorization", editor.basic())
                .exchange();
        String etag = etag(reference);
        AccountFixtures.TestAccount second = accounts.editor();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (AccountFixtures.TestAccount account : List.of(editor, second)) {
            Callable<Integer> approve = () -> {
                start.await();
                return mvc.post().uri(base + "/approve").header("If-Match", etag)
                        .header("Authorization", account.basic()).exchange().getResponse().getStatus();
            };
            outcomes.add(pool.submit(approve));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        assertThat(mvc.get().uri(base).header("Authorization", editor.basic())).bodyJson()
                .extractingPath("$.status").isEqualTo("APPROVED");
    }
}
