package dk.selvbetjening.actionpage.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The guide check API: anyone may post a text (no login, no CSRF token) and gets whole findings back. */
@SpringBootTest
@AutoConfigureMockMvc
class ActionPageCheckApiControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aGoodPageHasNoFindingsAndTheLixOfItsTexts() {
        String page = """
                {"title": "Søg om boligstøtte",
                 "intro": "Her kan du søge om boligstøtte til din bolig. Det er for dig, der lejer en bolig.",
                 "beforeYouStart": ["Du skal bruge MitID.", "Det tager 10 minutter."],
                 "startLabel": "Start ansøgning om boligstøtte",
                 "continuesOn": "Udbetaling Danmark",
                 "alternatives": "Ring til kommunen, hvis du ikke kan bruge selvbetjeningen.",
                 "afterwards": "Du får svar i Digital Post inden for fire uger.",
                 "plannedDowntime": {"from": "2026-12-01T22:00:00Z", "until": "2026-12-02T04:00:00Z",
                                     "message": "Selvbetjeningen er lukket om natten."},
                 "mandatoryWave": true}""";

        // plannedDowntime: 5 words / 1 + 100 × 1 long ("Selvbetjeningen") / 5 = 25; the others as in GuideChecksTests
        assertThat(check(page)).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON).bodyJson()
                .isStrictlyEqualTo("""
                        {"findings": [],
                         "lix": {"title": 36, "intro": 14, "beforeYouStart": 17, "alternatives": 31,
                                 "afterwards": 20, "plannedDowntime": 25}}""");
    }

    @Test
    void aPoorPageGetsEachFindingWithItsRuleSeverityFieldAndDanishMessage() {
        String page = """
                {"title": "Boligstøtte.",
                 "intro": "Her kan du søge. Det er for lejere. Se www.borger.dk.",
                 "beforeYouStart": [],
                 "startLabel": "Ansøg",
                 "afterwards": "Såfremt du får afslag, kan du klage.",
                 "mandatoryWave": true}""";

        assertThat(check(page)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"findings": [
                  {"rule": "title-verb-first", "severity": "ERROR", "field": "title",
                   "message": "Titlen begynder med „Boligstøtte“. Begynd med et udsagnsord, der siger, hvad borgeren gør, fx „Søg om boligstøtte“ eller „Meld flytning“ (portalens egen regel)."},
                  {"rule": "title-full-stop", "severity": "ERROR", "field": "title",
                   "message": "Fjern punktummet i slutningen af titlen (portalens egen regel)."},
                  {"rule": "intro-sentences", "severity": "ERROR", "field": "intro",
                   "message": "Manchetten har 3 sætninger. Skriv den på 1-2 sætninger (portalens egen regel)."},
                  {"rule": "before-you-start-required", "severity": "ERROR", "field": "beforeYouStart",
                   "message": "Skriv mindst ét punkt under „Før du går i gang“, fx hvad borgeren skal have parat (portalens egen regel)."},
                  {"rule": "start-label-prefix", "severity": "ERROR", "field": "startLabel",
                   "message": "Begynd knappens tekst med „Start“ og opgaven, fx „Start ansøgning om boligstøtte“ (portalens egen regel)."},
                  {"rule": "alternatives-required", "severity": "ERROR", "field": "alternatives",
                   "message": "Skriv, hvad borgeren kan gøre, hvis de ikke kan bruge selvbetjeningen. Det skal en obligatorisk selvbetjening have (portalens egen regel)."},
                  {"rule": "links-https", "severity": "ERROR", "field": "intro",
                   "message": "Skriv linket „www.borger.dk“ som en fuld adresse, der begynder med https:// (portalens egen regel)."},
                  {"rule": "officialese", "severity": "WARNING", "field": "afterwards",
                   "message": "Undgå „Såfremt“. Skriv hellere: hvis (portalens egen regel)."}
                 ],
                 "lix": {"title": 101, "intro": 3, "afterwards": 21}}""");
    }

    @Test
    void anEmptyBodyObjectGetsTheRequiredFieldFindings() {
        assertThat(check("{}")).hasStatusOk().bodyJson()
                .extractingPath("$.findings[*].rule")
                .isEqualTo(java.util.List.of("title-required", "intro-required", "before-you-start-required"));
    }

    @Test
    void badJsonIsADanishProblem() {
        assertThat(check("{\"title\": ")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Ugyldig forespørgsel", "status": 400,
                         "detail": "Forespørgslen er ikke gyldig JSON. Tjek kroppen, og send igen.",
                         "instance": "/api/v1/action-pages/check"}""");
    }

    @Test
    void aTextOverTenThousandCharactersIsAProblemNamingTheField() {
        String tooLong = "a".repeat(10_001);
        assertThat(check("{\"intro\": \"" + "a".repeat(10_000) + "\"}")).hasStatusOk();

        assertThat(check("{\"intro\": \"" + tooLong + "\"}")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().isStrictlyEqualTo("""
                        {"type": "about:blank", "title": "Ugyldig forespørgsel", "status": 400,
                         "detail": "intro har 10.001 tegn. Feltet må højst have 10.000 tegn.",
                         "instance": "/api/v1/action-pages/check",
                         "errors": [{"field": "intro",
                                     "message": "intro har 10.001 tegn. Feltet må højst have 10.000 tegn."}]}""");
        assertThat(check("{\"beforeYouStart\": [\"MitID\", \"" + tooLong + "\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("beforeYouStart");
        assertThat(check("{\"plannedDowntime\": {\"from\": \"2026-12-01T22:00:00Z\", \"until\": "
                + "\"2026-12-02T04:00:00Z\", \"message\": \"" + tooLong + "\"}}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("plannedDowntime");
    }

    @Test
    void tooManyItemsAndAnIncompletePlannedDowntimeAreProblems() {
        String items = "[" + "\"MitID\",".repeat(50) + "\"CPR-nummer\"]";
        assertThat(check("{\"beforeYouStart\": " + items + "}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.detail").isEqualTo("beforeYouStart har 51 punkter. Der må højst være 50.");

        assertThat(check("{\"plannedDowntime\": {\"message\": \"Lukket i weekenden.\"}}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0]")
                .isEqualTo(java.util.Map.of("field", "plannedDowntime", "message",
                        "plannedDowntime skal have from, until og message, og until skal ligge efter from."));
    }

    @Test
    void nullItemsAreIgnoredRatherThanFailing() {
        // title: 2 words / 1 + 100 × 1 long / 2 = 52 (reported, never warned); intro: 5 / 1 + 100 × 1 / 5 = 25
        assertThat(check("{\"title\": \"Meld flytning\", \"intro\": \"Her kan du melde flytning.\", "
                + "\"beforeYouStart\": [null, \"MitID\"]}")).hasStatusOk().bodyJson()
                .isStrictlyEqualTo("{\"findings\": [], \"lix\": {\"title\": 52, \"intro\": 25, \"beforeYouStart\": 1}}");
    }

    private MvcTestResult check(String json) {
        return mvc.post().uri("/api/v1/action-pages/check").contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }
}
