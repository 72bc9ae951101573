package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.authority.NewAuthority;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceScope;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.municipallink.MunicipalLinkSummary;
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

/**
 * Every kind of self-service the seed counts, through the API from request to draft: a form (blanket) with how it is
 * returned, a municipal solution with the links the supplier knows, the whole action page, and the login rule.
 */
@SpringBootTest(properties = "selvbetjening.connection.submissions-per-minute=1000")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionKindsApiTests {

    private static final Pattern REFERENCE = Pattern.compile("TS-\\d{4}-\\d{6}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    SelfServiceService services;

    @Autowired
    ActionPageService actionPages;

    @Autowired
    MunicipalLinkService links;

    AuthorityDetails state;
    AuthorityDetails privateActor;
    AccountFixtures.TestAccount editor;

    @BeforeAll
    void authoritiesAndEditor() {
        state = authorities.register(AuthorityFixtures.aStateAuthority("Blanketstyrelsen"));
        privateActor = authorities.register(new NewAuthority("Apotek A/S", AuthorityType.PRIVATE,
                AuthorityFixtures.aCvrNumber(), null, "https://www.apotek.example", "+45 70 00 00 01",
                "kontakt@apotek.example", false));
        editor = accounts.editor();
    }

    private MvcTestResult submit(String json) {
        return mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private static String reference(MvcTestResult result) throws Exception {
        Matcher m = REFERENCE.matcher(result.getResponse().getContentAsString());
        assertThat(m.find()).as(result.getResponse().getContentAsString()).isTrue();
        return m.group();
    }

    private MvcTestResult act(String reference, String action) {
        String etag = mvc.get().uri("/api/v1/connection-requests/" + reference).header("Authorization", editor.basic())
                .exchange().getResponse().getHeader("ETag");
        return mvc.post().uri("/api/v1/connection-requests/" + reference + "/" + action)
                .header("Authorization", editor.basic()).header("If-Match", etag).exchange();
    }

    /** Submits, takes and approves; the draft self-service the approval made. */
    private SelfServiceDetails approved(String json) throws Exception {
        MvcTestResult submitted = submit(json);
        assertThat(submitted).as(submitted.getResponse().getContentAsString()).hasStatus(HttpStatus.CREATED);
        String reference = reference(submitted);
        assertThat(act(reference, "take")).hasStatusOk();
        MvcTestResult approved = act(reference, "approve");
        assertThat(approved).as(approved.getResponse().getContentAsString()).hasStatusOk();
        String serviceId = mvc.get().uri("/api/v1/connection-requests/" + reference)
                .header("Authorization", editor.basic()).exchange().getResponse().getContentAsString()
                .replaceAll("(?s).*\"serviceId\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        return services.byId(UUID.fromString(serviceId));
    }

    @Test
    void aFormRequestBecomesADraftFormThatSaysHowItIsReturned() throws Exception {
        SelfServiceDetails form = approved("""
                {"kind": "NEW", "title": "Send blanket om fritagelse", "url": "https://www.example-styrelse.dk/blanket.pdf",
                 "shortDescription": "Hent blanketten, udfyld den og send den.", "supplierName": "Styrelsen",
                 "supplierEmail": "blanket@example-styrelse.dk", "authority": "%s", "serviceKind": "FORM",
                 "formReturn": ["POST", "DIGITAL_SIGNED"]}""".formatted(state.cvrNumber()));
        assertThat(form.kind()).isEqualTo(SelfServiceKind.FORM);
        assertThat(form.formReturn()).containsExactlyInAnyOrder(FormReturn.POST, FormReturn.DIGITAL_SIGNED);
        assertThat(form.url()).isEqualTo("https://www.example-styrelse.dk/blanket.pdf");
        assertThat(form.loginMethod()).as("a form has no login unless the request says so").isEqualTo(LoginMethod.NONE);
    }

    @Test
    void aMunicipalRequestBecomesAMunicipalServiceWithTheLinksItKnowsAndTheMunicipalitiesAddTheRest()
            throws Exception {
        SelfServiceDetails municipal = approved("""
                {"kind": "NEW", "scope": "MUNICIPAL", "title": "Bestil storskrald",
                 "shortDescription": "Bestil afhentning af storskrald.", "supplierName": "Affald A/S",
                 "supplierEmail": "support@affald.example", "authority": "%s",
                 "municipalLinks": {"101": "https://www.kk.dk/storskrald", "0461": "https://www.odense.dk/storskrald"}}"""
                .formatted(state.cvrNumber()));
        assertThat(municipal.scope()).isEqualTo(SelfServiceScope.MUNICIPAL);
        assertThat(municipal.url()).isNull();
        assertThat(links.linksOf(municipal.id())).filteredOn(link -> !link.isMissing())
                .extracting(MunicipalLinkSummary::municipalityCode, MunicipalLinkSummary::url)
                .containsExactlyInAnyOrder(tuple(101, "https://www.kk.dk/storskrald"),
                        tuple(461, "https://www.odense.dk/storskrald"));
    }

    @Test
    void theRequestProposesTheWholeActionPageAndApprovalCarriesItIntoTheDraft() throws Exception {
        SelfServiceDetails service = approved("""
                {"kind": "NEW", "title": "Søg om pas", "url": "https://www.example-styrelse.dk/pas",
                 "shortDescription": "Søg om pas online.", "supplierName": "Passtyrelsen",
                 "supplierEmail": "pas@example-styrelse.dk", "authority": "%s",
                 "actionPage": {"title": "Søg om pas", "intro": "Her søger du om pas.", "beforeYouStart": ["MitID."],
                   "rules": "Pasloven.", "fees": "Det koster 627 kr.", "deadlines": "Søg senest 3 uger før rejsen.",
                   "plannedDowntime": {"from": "2099-03-01T21:00:00Z", "until": "2099-03-02T05:00:00Z",
                                       "message": "Lukket for opdatering."}}}""".formatted(state.cvrNumber()));
        ActionPageContent draft = actionPages.draft(service.id()).orElseThrow();
        assertThat(draft.title()).isEqualTo("Søg om pas");
        assertThat(draft.rules()).isEqualTo("Pasloven.");
        assertThat(draft.fees()).isEqualTo("Det koster 627 kr.");
        assertThat(draft.deadlines()).isEqualTo("Søg senest 3 uger før rejsen.");
        assertThat(draft.plannedDowntime()).isNotNull();
        assertThat(draft.plannedDowntime().message()).isEqualTo("Lukket for opdatering.");
        assertThat(draft.plannedDowntime().from()).isEqualTo("2099-03-01T21:00:00Z");
    }

    @Test
    void aPrivateActorsSolutionWithNemLogInIsRefusedWithTheRule() throws Exception {
        MvcTestResult refused = submit("""
                {"kind": "NEW", "title": "Book tid på apoteket", "url": "https://www.apotek.example/book",
                 "shortDescription": "Book en tid.", "supplierName": "Apotek A/S", "supplierEmail": "it@apotek.example",
                 "authority": "%s", "loginMethod": "MITID_NEMLOGIN"}""".formatted(privateActor.cvrNumber()));
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("loginMethod");
        assertThat(refused).bodyJson().extractingPath("$.errors[0].message").asString()
                .contains("Private aktører må ikke bruge NemLog-in").contains("MitID-broker");

        SelfServiceDetails broker = approved("""
                {"kind": "NEW", "title": "Book tid på apoteket", "url": "https://www.apotek.example/book",
                 "shortDescription": "Book en tid.", "supplierName": "Apotek A/S", "supplierEmail": "it@apotek.example",
                 "authority": "%s", "loginMethod": "MITID_BROKER"}""".formatted(privateActor.cvrNumber()));
        assertThat(broker.loginMethod()).isEqualTo(LoginMethod.MITID_BROKER);
    }

    @Test
    void everyMistakeAboutKindScopeLinksAndActionPageIsNamedAtItsField() {
        MvcTestResult result = submit("""
                {"kind": "NEW", "title": "Søg om fejl", "scope": "MUNICIPAL", "url": "https://www.example.dk/fejl",
                 "shortDescription": "Kort.", "supplierName": "Fejl A/S", "supplierEmail": "fejl@example.dk",
                 "serviceKind": "ONLINE", "formReturn": ["POST"],
                 "municipalLinks": {"999": "https://www.example.dk/a", "101": "http://www.kk.dk/usikker"},
                 "actionPage": {"intro": "Uden titel.", "plannedDowntime": {"from": "2099-03-02T05:00:00Z",
                   "until": "2099-03-01T21:00:00Z", "message": "Forkert vej."}}}""");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("url",
                "formReturn", "municipalLinks", "municipalLinks", "actionPage.title", "actionPage.plannedDowntime");
        assertThat(result).bodyJson().extractingPath("$.errors[*].message").asArray().contains(
                "999 er ikke en kommunekode. Kommunekoder har 3 cifre, fx 101 for København.",
                "Adressen for kommune 101 skal være hele adressen, der starter med https://.",
                "Skriv en titel.");

        MvcTestResult form = submit("""
                {"kind": "NEW", "title": "Send blanket", "url": "https://www.example.dk/blanket.pdf",
                 "shortDescription": "Kort.", "supplierName": "Fejl A/S", "supplierEmail": "fejl@example.dk",
                 "serviceKind": "FORM", "municipalLinks": {"101": "https://www.kk.dk/a"}}""");
        assertThat(form).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("formReturn", "municipalLinks");
    }

    @Test
    void aChangeKeepsItsServicesScopeAndMayChangeItsLoginMethodWhenPublished() throws Exception {
        SelfServiceDetails existing = dk.selvbetjening.shared.SystemPrincipal.call(() -> services.add(
                new NewSelfService("book-tid-" + UUID.randomUUID(), "Book tid", "Book en tid.",
                        SelfServiceKind.ONLINE, SelfServiceScope.NATIONAL, "https://www.example-styrelse.dk/book",
                        Set.of(), state.id(), null, null, LoginMethod.MITID_NEMLOGIN, null, null, List.of(),
                        List.of(), false)));
        String change = """
                {"kind": "EXISTING", "existingServiceId": "%s", "title": "Book tid", "scope": "%s",
                 "url": "https://www.example-styrelse.dk/book", "shortDescription": "Book en tid uden log-in.",
                 "supplierName": "Styrelsen", "supplierEmail": "book@example-styrelse.dk", "loginMethod": "NONE"}""";
        assertThat(submit(change.formatted(existing.id(), "MUNICIPAL"))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("scope");

        String reference = reference(submit(change.formatted(existing.id(), "NATIONAL")));
        act(reference, "take");
        assertThat(act(reference, "approve")).hasStatusOk();
        assertThat(services.byId(existing.id()).loginMethod()).isEqualTo(LoginMethod.MITID_NEMLOGIN);
        assertThat(act(reference, "publish")).hasStatusOk();
        assertThat(services.byId(existing.id()).loginMethod()).isEqualTo(LoginMethod.NONE);
    }
}
