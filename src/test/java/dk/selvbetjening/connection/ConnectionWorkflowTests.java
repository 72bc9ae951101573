package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.SelfServiceStatus;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** From request to what citizens see: NEW becomes a published service; EXISTING changes one on publishing. */
@SpringBootTest(properties = "selvbetjening.connection.submissions-per-minute=1000")
@AutoConfigureMockMvc
class ConnectionWorkflowTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConnectionIntakeService intake;

    @Autowired
    ConnectionReviewService review;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    SelfServiceService services;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    PortalTestData data;

    @Autowired
    AuditLog audit;

    private String act(AccountFixtures.TestAccount editor, String reference, String action, String body) {
        String etag = mvc.get().uri("/api/v1/connection-requests/" + reference).header("Authorization", editor.basic())
                .exchange().getResponse().getHeader("ETag");
        var request = mvc.post().uri("/api/v1/connection-requests/" + reference + "/" + action)
                .header("Authorization", editor.basic()).header("If-Match", etag);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        assertThat(request).hasStatusOk();
        return etag;
    }

    @Test
    void aNewRequestBecomesAPublishedActionPageAfterChangesApprovalAndPublishing() {
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Flowstyrelsen"));
        AccountFixtures.TestAccount editor = accounts.editor();
        Receipt receipt = accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null, "Søg om flow", "https://flow.example.dk/soeg",
                "Søg om flow online.", "Flow A/S", "flow@leverandoer.dk", owner.cvrNumber(), null, null,
                List.of("familie-og-boern"), null, new ActionPageContent("Søg om flow", "Her søger du om flow.",
                        List.of("MitID."), "Start ansøgning om flow", null, "Ring til os.", "Svar i Digital Post.",
                        null)), null));
        String reference = receipt.reference();
        act(editor, reference, "take", null);
        act(editor, reference, "request-changes", "{\"message\": \"Tilføj hvad der sker bagefter.\"}");

        ConnectionRequestDetails amended = accounts.runAsVisitor(() -> intake.resubmit(reference, receipt.statusToken(), new Submission("NEW",
                null, "Søg om flow", "https://flow.example.dk/soeg", "Søg om flow online.", "Flow A/S",
                "flow@leverandoer.dk", owner.cvrNumber(), null, null, List.of("familie-og-boern"), null,
                new ActionPageContent("Søg om flow", "Her søger du om flow.", List.of("MitID."),
                        "Start ansøgning om flow", null, "Ring til os.", "Du får svar inden 14 dage.", null))));
        assertThat(amended.status()).isEqualTo(ConnectionRequestStatus.IN_REVIEW);

        act(editor, reference, "approve", null);
        ConnectionRequestDetails approved = intake.withToken(reference, receipt.statusToken());
        SelfServiceDetails draft = services.byId(approved.createdServiceId());
        assertThat(draft.status()).isEqualTo(SelfServiceStatus.DRAFT);
        assertThat(draft.authorityId()).isEqualTo(owner.id());
        assertThat(mvc.get().uri("/handlingsside/" + draft.slug())).hasStatus(HttpStatus.NOT_FOUND);

        long version = intake.withToken(reference, receipt.statusToken()).version();
        SelfServiceDetails published = asEditor(editor, () -> review.publish(reference, version));
        assertThat(intake.withToken(reference, receipt.statusToken()).publishedAt()).isNotNull();
        assertThat(mvc.post().uri("/api/v1/connection-requests/" + reference + "/publish")
                .header("Authorization", editor.basic())
                .header("If-Match", "\"" + intake.withToken(reference, receipt.statusToken()).version() + "\""))
                .as("a request is published once").hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/handlingsside/" + published.slug())).hasStatusOk().bodyText()
                .contains("Søg om flow").contains("Du får svar inden 14 dage.").contains("Start ansøgning om flow");
        assertThat(audit.history("tilslutning", reference)).extracting(e -> e.action())
                .containsExactly("indsendt", "taget til behandling", "ændringer ønsket", "rettet og sendt igen",
                        "godkendt", "udgivet");
    }

    @Test
    void anExistingRequestChangesTheServiceOnlyWhenPublished() {
        AccountFixtures.TestAccount editor = accounts.editor();
        SelfServiceDetails existing = data.publishedNational("https://www.borger.dk/gammel");
        Receipt receipt = accounts.runAsVisitor(() -> intake.submit(new Submission("EXISTING", existing.id().toString(), "Meld flytning nu",
                "https://www.borger.dk/ny", "Ny beskrivelse.", "Ny Leverandør A/S", "ny@leverandoer.dk", null, null,
                null, List.of(), null, new ActionPageContent("Meld flytning nu", "Ny manchet.", List.of("MitID."),
                        null, null, "Ring til borgerservice, hvis du ikke kan bruge selvbetjeningen.", null, null)),
                null));
        assertThat(review.details(receipt.reference(), editorAccount(editor)).comparison())
                .satisfies(c -> assertThat(c.rows()).anyMatch(r -> r.changed()
                        && r.published().equals("https://www.borger.dk/gammel")
                        && r.proposed().equals("https://www.borger.dk/ny")));
        act(editor, receipt.reference(), "take", null);
        act(editor, receipt.reference(), "approve", null);

        assertThat(mvc.get().uri("/handlingsside/" + existing.slug() + "/start"))
                .hasHeader("Location", "https://www.borger.dk/gammel");
        assertThat(actionPages.draft(existing.id())).isPresent();

        long version = intake.withToken(receipt.reference(), receipt.statusToken()).version();
        asEditor(editor, () -> review.publish(receipt.reference(), version));
        assertThat(mvc.get().uri("/handlingsside/" + existing.slug() + "/start"))
                .hasHeader("Location", "https://www.borger.dk/ny");
        assertThat(mvc.get().uri("/handlingsside/" + existing.slug())).bodyText().contains("Ny manchet.");
        assertThat(actionPages.draft(existing.id())).isEmpty();
    }

    @Test
    void aNewRequestWithoutAnAuthorityCannotBeApprovedAndTheEditorIsToldWhy() {
        AccountFixtures.TestAccount editor = accounts.editor();
        Receipt receipt = accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null, "Søg om ejerløs",
                "https://x.example.dk/a", "Kort.", "X A/S", "x@leverandoer.dk", null, null, null, List.of(), null,
                null), null));
        act(editor, receipt.reference(), "take", null);
        String etag = mvc.get().uri("/api/v1/connection-requests/" + receipt.reference())
                .header("Authorization", editor.basic()).exchange().getResponse().getHeader("ETag");
        assertThat(mvc.post().uri("/api/v1/connection-requests/" + receipt.reference() + "/approve")
                .header("Authorization", editor.basic()).header("If-Match", etag))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail")
                .isEqualTo("Anmodningen har ingen myndighed. Bed om ændringer, så leverandøren skriver myndighedens "
                        + "CVR-nummer.");
    }

    @Test
    void aRequestNamingAnUnregisteredCvrIsAcceptedAndFindsTheAuthorityRegisteredFromItsReviewPage() throws Exception {
        AccountFixtures.TestAccount editor = accounts.editor();
        String cvr = AuthorityFixtures.aCvrNumber().value();
        Receipt receipt = accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null,
                "Søg om nyt register", "https://nyt.example.dk/a", "Kort.", "Ny A/S", "ny@leverandoer.dk", cvr, null,
                null, List.of(), null, null), null));
        String reference = receipt.reference();
        assertThat(intake.withToken(reference, receipt.statusToken()).authorityId()).isNull();
        act(editor, reference, "take", null);

        String etag = mvc.get().uri("/api/v1/connection-requests/" + reference).header("Authorization", editor.basic())
                .exchange().getResponse().getHeader("ETag");
        assertThat(mvc.post().uri("/api/v1/connection-requests/" + reference + "/approve")
                .header("Authorization", editor.basic()).header("If-Match", etag))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail")
                .isEqualTo("Der er ingen aktiv myndighed med CVR-nummer " + cvr + " i registret. Opret myndigheden "
                        + "under Myndigheder, og godkend så igen.");

        var review = org.jsoup.Jsoup.parse(mvc.get().uri("/redaktion/tilslutninger/" + reference)
                .with(editor.login()).exchange().getResponse().getContentAsString());
        assertThat(review.select(".connection-authority .alert-heading").text())
                .isEqualTo("Myndigheden med CVR-nummer " + cvr + " er ikke oprettet");
        assertThat(review.select("a.connection-create-authority").attr("href"))
                .isEqualTo("/redaktion/myndigheder/ny?cvr=" + cvr + "&tilbage=/redaktion/tilslutninger/" + reference);

        AuthorityDetails registered = asEditor(editor, () -> authorities.create(new dk.selvbetjening.authority
                .AuthorityInput("Registerstyrelsen for Tilslutning", "STATE", cvr, null, null, null, null, null)));
        var reviewAfter = org.jsoup.Jsoup.parse(mvc.get().uri("/redaktion/tilslutninger/" + reference)
                .with(editor.login()).exchange().getResponse().getContentAsString());
        assertThat(reviewAfter.select(".connection-authority").text()).contains("Registerstyrelsen for Tilslutning")
                .contains("Anmodningen knyttes til myndigheden, når den godkendes.");
        assertThat(reviewAfter.select("a.connection-create-authority")).isEmpty();

        act(editor, reference, "approve", null);
        ConnectionRequestDetails approved = intake.withToken(reference, receipt.statusToken());
        assertThat(approved.authorityId()).isEqualTo(registered.id());
        assertThat(services.byId(approved.createdServiceId()).authorityId()).isEqualTo(registered.id());
    }

    @Test
    void aRetiredAuthorityCannotBeNamedByANewRequestNorGetANewSelfService() {
        AccountFixtures.TestAccount editor = accounts.editor();
        AuthorityDetails owner = authorities.register(AuthorityFixtures.aStateAuthority("Lukkestyrelsen"));
        Receipt before = accounts.runAsVisitor(() -> intake.submit(new Submission("NEW", null, "Søg om lukning",
                "https://luk.example.dk/a", "Kort.", "Luk A/S", "luk@leverandoer.dk", owner.cvrNumber(), null, null,
                List.of(), null, null), null));
        act(editor, before.reference(), "take", null);
        asEditor(editor, () -> authorities.retire(owner.id(), owner.version()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> intake.submit(new Submission("NEW", null,
                "Søg om mere lukning", "https://luk.example.dk/b", "Kort.", "Luk A/S", "luk@leverandoer.dk",
                owner.cvrNumber(), null, null, List.of(), null, null), null))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::message).containsExactly("Myndigheden med CVR-nummer "
                                + owner.cvrNumber() + " (Lukkestyrelsen) er nedlagt. Skriv CVR-nummeret på den "
                                + "myndighed, der ejer selvbetjeningen nu."));

        String etag = mvc.get().uri("/api/v1/connection-requests/" + before.reference())
                .header("Authorization", editor.basic()).exchange().getResponse().getHeader("ETag");
        assertThat(mvc.post().uri("/api/v1/connection-requests/" + before.reference() + "/approve")
                .header("Authorization", editor.basic()).header("If-Match", etag))
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail").asString()
                .startsWith("Lukkestyrelsen er nedlagt.");
    }

    private dk.selvbetjening.account.CurrentAccount editorAccount(AccountFixtures.TestAccount editor) {
        return new dk.selvbetjening.account.CurrentAccount(editor.id(), editor.email(), "Test",
                dk.selvbetjening.account.Role.EDITOR, null);
    }

    private <T> T asEditor(AccountFixtures.TestAccount editor, java.util.function.Supplier<T> action) {
        return accounts.runAs(editor, action);
    }
}
