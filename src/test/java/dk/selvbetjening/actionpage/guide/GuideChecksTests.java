package dk.selvbetjening.actionpage.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The portal's own guide rules for action pages, on the shipped word lists and Danish texts. */
class GuideChecksTests {

    private static final String OWN_RULE = "(portalens egen regel).";

    private final GuideChecks checks = new GuideChecks(messages(), GuideWordLists.fromClasspath());

    @Test
    void aGoodPageHasNoFindingsAndTheLixOfEachTextField() {
        GuideReport report = checks.check(aGoodPage().content(), true);

        assertThat(report.findings()).isEmpty();
        assertThat(report.blocksPublishing()).isFalse();
        // title: 3 words / 1 sentence + 100 × 1 long ("boligstøtte") / 3 = 3 + 33.3 = 36
        // intro: 17 words / 2 sentences + 100 × 1 / 17 = 8.5 + 5.9 = 14
        // beforeYouStart, each item a sentence: 8 words / 2 + 100 × 1 ("minutter") / 8 = 4 + 12.5 = 16.5 → 17
        // alternatives: 9 words / 1 + 100 × 2 ("kommunen", "selvbetjeningen") / 9 = 9 + 22.2 = 31
        // afterwards: 10 words / 1 + 100 × 1 ("Digital") / 10 = 10 + 10 = 20
        // startLabel and continuesOn are labels, not prose: no LIX
        assertThat(report.lix()).containsExactly(Map.entry("title", 36), Map.entry("intro", 14),
                Map.entry("beforeYouStart", 17), Map.entry("alternatives", 31), Map.entry("afterwards", 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Søg om boligstøtte", "søg om boligstøtte", "SØG OM BOLIGSTØTTE", "Ansøg om pas",
            "Meld flytning", "Anmeld indbrud", "Bestil sundhedskort", "Book tid til pas", "Beregn din pension",
            "Få dit pas", "Se dine sager", "Forny dit kørekort", "Ændr din adresse", "Tjek din skat",
            "Tilmeld dig affaldsordningen", "Søge om boligstøtte", "Indberette en skade", "\"Meld flytning\""})
    void aTitleStartingWithAVerbFromTheListPasses(String title) {
        assertThat(checks.check(aGoodPage().title(title).content(), false).forField("title")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Boligstøtte", "Ansøgning om boligstøtte", "Om boligstøtte", "Flytning, meld den",
            "Din pension", "Søgning efter sager"})
    void aTitleNotStartingWithAVerbIsAnError(String title) {
        assertThat(checks.check(aGoodPage().title(title).content(), false).findings())
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field)
                .containsExactly(tuple("title-verb-first", GuideSeverity.ERROR, "title"));
    }

    @Test
    void theVerbFindingQuotesTheFirstWordAndSaysWhatToDo() {
        assertThat(checks.check(aGoodPage().title("Boligstøtte til lejere").content(), false).forField("title"))
                .extracting(GuideFinding::message)
                .containsExactly("Titlen begynder med „Boligstøtte“. Begynd med et udsagnsord, der siger, hvad "
                        + "borgeren gør, fx „Søg om boligstøtte“ eller „Meld flytning“ (portalens egen regel).");
    }

    @Test
    void aTitleHasAtMostSixtyCharacters() {
        String sixty = "Søg om " + "a".repeat(53);
        assertThat(sixty).hasSize(60);
        assertThat(checks.check(aGoodPage().title(sixty).content(), false).forField("title")).isEmpty();

        assertThat(checks.check(aGoodPage().title(sixty + "b").content(), false).forField("title"))
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::message)
                .containsExactly(tuple("title-length", GuideSeverity.ERROR,
                        "Titlen har 61 tegn. Gør den kortere, så den har højst 60 tegn (portalens egen regel)."));
    }

    @Test
    void aTitleEndsWithoutAFullStop() {
        assertThat(checks.check(aGoodPage().title("Søg om tilskud til fx briller").content(), false)
                .forField("title")).isEmpty();

        assertThat(checks.check(aGoodPage().title("Søg om boligstøtte.").content(), false).findings())
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field)
                .containsExactly(tuple("title-full-stop", GuideSeverity.ERROR, "title"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Her kan du søge om boligstøtte", "Her kan du søge om boligstøtte.",
            "Her kan du søge. Det er for dig, der lejer.", "Her kan du fx søge om bl.a. boligstøtte. Det koster ca. "
                    + "2.5 kr. om måneden, dvs. pr. uge nr. 3."})
    void anIntroOfOneOrTwoSentencesPasses(String intro) {
        assertThat(checks.check(aGoodPage().intro(intro).content(), false).forField("intro")).isEmpty();
    }

    @Test
    void anIntroOfThreeSentencesIsAnError() {
        String intro = "Her kan du søge. Det er for dig, der lejer! Har du spørgsmål?";

        assertThat(checks.check(aGoodPage().intro(intro).content(), false).findings())
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field, GuideFinding::message)
                .containsExactly(tuple("intro-sentences", GuideSeverity.ERROR, "intro",
                        "Manchetten har 3 sætninger. Skriv den på 1-2 sætninger (portalens egen regel)."));
    }

    @Test
    void anIntroHasAtMostThreeHundredCharacters() {
        String words = "Her kan du søge om boligstøtte til din bolig ".repeat(6);
        String threeHundred = (words + "o".repeat(300 - words.length() - 1) + ".");
        assertThat(threeHundred).hasSize(300);
        assertThat(checks.check(aGoodPage().intro(threeHundred).content(), false).errors()).isEmpty();

        assertThat(checks.check(aGoodPage().intro("o" + threeHundred).content(), false).errors())
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::message)
                .containsExactly(tuple("intro-length", GuideSeverity.ERROR,
                        "Manchetten har 301 tegn. Gør den kortere, så den har højst 300 tegn (portalens egen regel)."));
    }

    @Test
    void beforeYouStartNeedsAtLeastOneItemThatIsNotBlank() {
        assertThat(checks.check(aGoodPage().beforeYouStart("MitID").content(), false).forField("beforeYouStart"))
                .isEmpty();

        for (List<String> items : List.of(List.<String>of(), List.of(" ", ""))) {
            assertThat(checks.check(aGoodPage().beforeYouStart(items.toArray(String[]::new)).content(), false)
                    .findings())
                    .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field)
                    .containsExactly(tuple("before-you-start-required", GuideSeverity.ERROR, "beforeYouStart"));
        }
    }

    @Test
    void aStartLabelWhenSetStartsWithStart() {
        assertThat(checks.check(aGoodPage().startLabel(null).content(), false).findings()).isEmpty();
        assertThat(checks.check(aGoodPage().startLabel(" ").content(), false).findings()).isEmpty();
        assertThat(checks.check(aGoodPage().startLabel("Start ansøgning").content(), false).findings()).isEmpty();

        for (String label : List.of("Ansøg nu", "start ansøgning", "Start", "Startside")) {
            assertThat(checks.check(aGoodPage().startLabel(label).content(), false).findings())
                    .as(label)
                    .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field)
                    .containsExactly(tuple("start-label-prefix", GuideSeverity.ERROR, "startLabel"));
        }
    }

    @Test
    void alternativesAreRequiredForAMandatorySolutionOnly() {
        ActionPageContent withoutAlternatives = aGoodPage().alternatives(" ").content();

        assertThat(checks.check(withoutAlternatives, false).findings()).isEmpty();
        assertThat(checks.check(withoutAlternatives, true).findings())
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field)
                .containsExactly(tuple("alternatives-required", GuideSeverity.ERROR, "alternatives"));
    }

    @Test
    void lixFollowsTheFormulaOnKnownTexts() {
        // 10 words / 2 sentences + 100 × 3 long ("Kommunen", "behandler", "ansøgning") / 10 = 5 + 30 = 35
        assertThat(Lix.of(List.of("Kommunen behandler din ansøgning. Du får svar i din e-Boks."))).hasValue(35);
        // 8 words / 2 sentences + 100 × 1 long ("minutter") / 8 = 4 + 12.5 = 16.5, rounded half up to 17
        assertThat(Lix.of(List.of("Du kan søge her. Det tager fem minutter."))).hasValue(17);
        // abbreviations and a decimal neither split sentences nor count as long words:
        // 10 words ("Tag f.eks dit pas med", "Det koster ca 2.5 kr") / 2 sentences + 0 long = 5
        assertThat(Lix.of(List.of("Tag f.eks. dit pas med. Det koster ca. 2.5 kr."))).hasValue(5);
        // one sentence of 4 words, all long: 4 / 1 + 100 × 4 / 4 = 104
        assertThat(Lix.of(List.of("Sygesikringsbeviset fremsendes elektronisk automatisk"))).hasValue(104);
        // digits are not letters: "1234567" is a short word; 2 words / 1 + 0 = 2
        assertThat(Lix.of(List.of("Ring 1234567"))).hasValue(2);
        assertThat(Lix.of(List.of(" ", "!"))).isEmpty();
    }

    @Test
    void lixOfBeforeYouStartCountsEachItemAsASentence() {
        // 7 words / 3 items + 100 × 3 long ("sygesikringsbevis", "Oplysninger", "indkomst") / 7 = 2.3 + 42.9 = 45
        GuideReport report = checks.check(aGoodPage()
                .beforeYouStart("MitID", "Dit sygesikringsbevis", "Oplysninger om din indkomst.").content(), false);

        assertThat(report.lix()).containsEntry("beforeYouStart", 45);
        assertThat(report.findings())
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field, GuideFinding::message)
                .containsExactly(tuple("lix", GuideSeverity.WARNING, "beforeYouStart", "Teksten har LIX 45. Skriv "
                        + "kortere sætninger og brug kortere ord, så LIX bliver højst 40 (portalens egen regel)."));
    }

    @Test
    void lixOverFortyIsAWarningForEveryTextFieldThatHasIt() {
        String hard = "Sygesikringsbeviset udstedes automatisk.";
        GuideReport report = checks.check(new ActionPageContent("Søg om sygesikringsbevis", "Her kan du søge.",
                List.of("MitID"), "Start ansøgning om sygesikringsbevis", "Styrelsen for Patientsikkerhed", hard,
                hard, hard, hard, hard, hard, new PlannedDowntime(Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-02T00:00:00Z"), hard)), true);

        // 3 words / 1 + 100 × 3 / 3 = 103; intro: 4 / 1 + 0 = 4; the title, 3 / 1 + 100 × 1 / 3 = 36, is never warned
        assertThat(report.lix()).containsExactly(Map.entry("title", 36), Map.entry("intro", 4),
                Map.entry("beforeYouStart", 1), Map.entry("alternatives", 103), Map.entry("afterwards", 103),
                Map.entry("moreInformation", 103), Map.entry("rules", 103), Map.entry("fees", 103),
                Map.entry("deadlines", 103), Map.entry("plannedDowntime", 103));
        assertThat(report.findings()).extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field)
                .containsExactly(tuple("lix", GuideSeverity.WARNING, "alternatives"),
                        tuple("lix", GuideSeverity.WARNING, "afterwards"),
                        tuple("lix", GuideSeverity.WARNING, "moreInformation"),
                        tuple("lix", GuideSeverity.WARNING, "rules"), tuple("lix", GuideSeverity.WARNING, "fees"),
                        tuple("lix", GuideSeverity.WARNING, "deadlines"),
                        tuple("lix", GuideSeverity.WARNING, "plannedDowntime"));
        assertThat(report.blocksPublishing()).isFalse();
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void sentencesEndAtFullStopsQuestionAndExclamationMarksBeforeACapital() {
        assertThat(DanishSentences.sentences("Har du MitID? Så kan du starte!  Klik her. ok, ikke her."))
                .containsExactly("Har du MitID?", "Så kan du starte!", "Klik her. ok, ikke her.");
        assertThat(DanishSentences.sentences("Læs dette først.\n\nDerefter\n\nog så")).containsExactly(
                "Læs dette først.", "Derefter", "og så");
        assertThat(DanishSentences.sentences("Hvad nu?! (Se nedenfor.) \"Det er nemt.\" Slut"))
                .containsExactly("Hvad nu?!", "(Se nedenfor.)", "\"Det er nemt.\"", "Slut");
    }

    @Test
    void abbreviationsAndDecimalsDoNotEndASentence() {
        String text = "Du skal bl.a. have dit pas, f.eks. det nye. Se pkt. 3 og nr. 4, jf. Lov om pas. Det koster "
                + "ca. 2.5 kr. Evt. kan du betale senere, dvs. Næste måned mv. Osv. Det er alt.";
        assertThat(DanishSentences.sentences(text)).containsExactly(
                "Du skal bl.a. have dit pas, f.eks. det nye.",
                "Se pkt. 3 og nr. 4, jf. Lov om pas.",
                "Det koster ca. 2.5 kr. Evt. kan du betale senere, dvs. Næste måned mv. Osv. Det er alt.");
    }

    @Test
    void officialeseIsAWarningForEachOccurrenceWithAPlainerSuggestion() {
        GuideReport report = checks.check(aGoodPage()
                .afterwards("Såfremt ansøgeren får afslag, jf. § 12, kan man klage. Det gælder dog ikke for "
                        + "ansøgeren. Vi har hermed svaret.").content(), false);

        assertThat(report.findings())
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field, GuideFinding::message)
                .containsExactly(
                        tuple("officialese", GuideSeverity.WARNING, "afterwards",
                                "Undgå „Såfremt“. Skriv hellere: hvis (portalens egen regel)."),
                        tuple("officialese", GuideSeverity.WARNING, "afterwards",
                                "Undgå „ansøgeren“. Skriv hellere: du (portalens egen regel)."),
                        tuple("officialese", GuideSeverity.WARNING, "afterwards",
                                "Undgå „jf.“. Skriv hellere: se, eller ifølge (portalens egen regel)."),
                        tuple("officialese", GuideSeverity.WARNING, "afterwards",
                                "Undgå „§“. Skriv hellere: navnet på reglen, fx „reglerne om boligstøtte“ "
                                        + "(portalens egen regel)."),
                        tuple("officialese", GuideSeverity.WARNING, "afterwards",
                                "Undgå „dog“. Skriv hellere: men (portalens egen regel)."),
                        tuple("officialese", GuideSeverity.WARNING, "afterwards",
                                "Undgå „ansøgeren“. Skriv hellere: du (portalens egen regel)."),
                        tuple("officialese", GuideSeverity.WARNING, "afterwards",
                                "Undgå „hermed“, og skriv det med almindelige ord (portalens egen regel)."));
    }

    @Test
    void officialeseMatchesWholeWordsAndPhrasesInAnyCase() {
        assertThat(officialeseIn("En dogmatisk idéhistorie om herunderlige ansøgerlister og §-tegnet"))
                .containsExactly("§");
        assertThat(officialeseIn("I HENHOLD\nTIL reglerne, og i medfør af loven, IDET du flytter"))
                .containsExactly("I HENHOLD\nTIL", "i medfør af", "IDET");
        assertThat(officialeseIn("Se §§ 3-4 og §12 i bopælskommunen, vedr. din bopælskommune"))
                .containsExactly("§§", "§", "vedr.", "bopælskommune");
    }

    @Test
    void paragraphReferencesAreInPlaceInTheRulesFieldButOtherOfficialeseIsNot() {
        GuideReport report = checks.check(aGoodPage()
                .rules("Lov om individuel boligstøtte § 12, stk. 2, paragraf 3, i henhold til bekendtgørelsen.")
                .content(), false);

        assertThat(report.forField("rules")).filteredOn(f -> f.rule().equals("officialese"))
                .extracting(GuideFinding::rule, GuideFinding::message)
                .containsExactly(tuple("officialese", "Undgå „i henhold til“. Skriv hellere: efter "
                        + "(portalens egen regel)."));
    }

    @Test
    void linksMustBeAbsoluteHttpsUrls() {
        GuideReport report = checks.check(aGoodPage()
                .beforeYouStart("Læs reglerne på www.borger.dk/boligstoette.")
                .afterwards("Se http://skat.dk/pension, (/handlingsside/meld-flytning) og ../boligstoette. "
                        + "Hent filen på ftp://example.dk/fil eller //cdn.example.dk/fil.")
                .moreInformation("Læs mere på https://www.borger.dk/boligstoette. Skriv til post@kommune.dk, eller "
                        + "ring 24/7 og/eller se flyt.cpr.dk, side 3 /4.")
                .content(), false);

        assertThat(report.errors())
                .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field, GuideFinding::message)
                .containsExactly(
                        tuple("links-https", GuideSeverity.ERROR, "beforeYouStart", link("www.borger.dk/boligstoette")),
                        tuple("links-https", GuideSeverity.ERROR, "afterwards", link("http://skat.dk/pension")),
                        tuple("links-https", GuideSeverity.ERROR, "afterwards", link("/handlingsside/meld-flytning")),
                        tuple("links-https", GuideSeverity.ERROR, "afterwards", link("../boligstoette")),
                        tuple("links-https", GuideSeverity.ERROR, "afterwards", link("ftp://example.dk/fil")),
                        tuple("links-https", GuideSeverity.ERROR, "afterwards", link("//cdn.example.dk/fil")));
    }

    @Test
    void linksAreFoundInEveryTextField() {
        String link = "http://example.dk";
        GuideReport report = checks.check(new ActionPageContent("Søg om pas " + link, "Se " + link, List.of(link),
                "Start " + link, link, link, link, link, link, link, link, new PlannedDowntime(
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"), link)), true);

        assertThat(report.findings()).filteredOn(f -> f.rule().equals("links-https")).extracting(GuideFinding::field)
                .containsExactly("title", "intro", "beforeYouStart", "startLabel", "continuesOn", "alternatives",
                        "afterwards", "moreInformation", "rules", "fees", "deadlines", "plannedDowntime");
    }

    @Test
    void urlsDoNotCountInTheLixAndTheTitleIsNeverWarnedAboutIt() {
        GuideReport report = checks.check(aGoodPage().title("Bestil sundhedskort")
                .moreInformation("Læs mere på https://www.borger.dk/sundhedskort-og-sygesikringsbevis og "
                        + "www.sundhed.dk/sygesikring.").content(), false);

        // moreInformation without its URLs, "Læs mere på og": 4 words / 1 + 0 long = 4
        // title: 2 words / 1 + 100 × 1 long ("sundhedskort") / 2 = 52, over 40 but no warning
        assertThat(report.lix()).containsEntry("moreInformation", 4).containsEntry("title", 52);
        assertThat(report.findings()).extracting(GuideFinding::rule).containsExactly("links-https");
    }

    @Test
    void allNullContentGetsTheRequiredFieldFindingsAndNoLix() {
        ActionPageContent empty = new ActionPageContent(null, null, null, null, null, null, null, null, null, null,
                null, null);

        for (GuideReport report : List.of(checks.check(empty, true), checks.check(null, true))) {
            assertThat(report.findings())
                    .extracting(GuideFinding::rule, GuideFinding::severity, GuideFinding::field, GuideFinding::message)
                    .containsExactly(
                            tuple("title-required", GuideSeverity.ERROR, "title", "Skriv en titel, der siger, hvad "
                                    + "borgeren kan gøre, fx „Søg om boligstøtte“ (portalens egen regel)."),
                            tuple("intro-required", GuideSeverity.ERROR, "intro", "Skriv en manchet på 1-2 "
                                    + "sætninger: hvad borgeren kan gøre her, og hvem det er for (portalens egen regel)."),
                            tuple("before-you-start-required", GuideSeverity.ERROR, "beforeYouStart", "Skriv mindst "
                                    + "ét punkt under „Før du går i gang“, fx hvad borgeren skal have parat "
                                    + "(portalens egen regel)."),
                            tuple("alternatives-required", GuideSeverity.ERROR, "alternatives", "Skriv, hvad "
                                    + "borgeren kan gøre, hvis de ikke kan bruge selvbetjeningen. Det skal en "
                                    + "obligatorisk selvbetjening have (portalens egen regel)."));
            assertThat(report.lix()).isEmpty();
            assertThat(report.blocksPublishing()).isTrue();
        }
    }

    @Test
    void oddHalfWrittenTextsGetFindingsRatherThanAnException() {
        GuideReport report = checks.check(new ActionPageContent("  !!! 12 ", "...", List.of("", "-"), "  ",
                "", "\n", null, "§", "//", "www.", "http://", null), false);

        assertThat(report.findings()).extracting(GuideFinding::rule, GuideFinding::field).containsExactly(
                tuple("title-verb-first", "title"), tuple("intro-sentences", "intro"),
                tuple("links-https", "deadlines"), tuple("officialese", "moreInformation"));
        assertThat(report.forField("title")).extracting(GuideFinding::message).singleElement().asString()
                .startsWith("Titlen begynder med „!!! 12“.");
        assertThat(report.lix()).containsOnlyKeys("title", "fees");
    }

    @Test
    void everyRuleSaysWhatToChangeAndThatItIsThePortalsOwn() {
        ActionPageContent poor = new ActionPageContent("Boligstøtte i henhold til " + "reglerne ".repeat(5) + ".",
                "Første. Anden. Tredje. " + "x".repeat(300), List.of(), "Ansøg", null, null,
                "Se http://borger.dk og § 3. Vi har hermed besvaret din henvendelse vedrørende boligstøttesagen.",
                null);

        GuideReport report = checks.check(poor, true);

        assertThat(report.findings()).extracting(GuideFinding::rule).containsExactlyInAnyOrder("title-verb-first",
                "title-length", "title-full-stop", "intro-sentences", "intro-length", "before-you-start-required",
                "start-label-prefix", "alternatives-required", "links-https", "officialese", "officialese",
                "officialese", "officialese", "lix");
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).endsWith(OWN_RULE));
        assertThat(report.findings()).extracting(GuideFinding::message).doesNotHaveDuplicates();
    }

    @Test
    void theReportSaysWhetherItBlocksPublishingAndFiltersItsFindings() {
        GuideFinding error = new GuideFinding("title-full-stop", GuideSeverity.ERROR, "title", "a");
        GuideFinding warning = new GuideFinding("lix", GuideSeverity.WARNING, "intro", "b");

        GuideReport report = new GuideReport(List.of(error, warning), Map.of("intro", 41));
        assertThat(report.blocksPublishing()).isTrue();
        assertThat(report.errors()).containsExactly(error);
        assertThat(report.forField("intro")).containsExactly(warning);
        assertThat(report.forField("afterwards")).isEmpty();

        GuideReport warningsOnly = new GuideReport(List.of(warning), Map.of());
        assertThat(warningsOnly.blocksPublishing()).isFalse();
        assertThat(warningsOnly.errors()).isEmpty();
    }

    @Test
    void theWordListsAreReadFromTheirFilesFormat() {
        GuideWordLists lists = GuideWordLists.parse("""
                # comment: søg
                Meld melde
                bestil/bestille
                """, """
                # comment
                såfremt\thvis
                §\t\trules
                """);
        GuideChecks own = new GuideChecks(messages(), lists);

        assertThat(lists.isVerb("MELDE")).isTrue();
        assertThat(lists.isVerb("bestil")).isTrue();
        assertThat(lists.isVerb("søg")).isFalse();
        assertThat(lists.officialese()).extracting(GuideWordLists.Officialese::phrase,
                GuideWordLists.Officialese::suggestion, GuideWordLists.Officialese::allowedInRules)
                .containsExactly(tuple("såfremt", "hvis", false), tuple("§", "", true));
        assertThat(own.check(aGoodPage().title("Søg om pas").content(), false).findings())
                .extracting(GuideFinding::rule).containsExactly("title-verb-first");
        assertThat(own.check(aGoodPage().title("Melde flytning").afterwards("Se § 3, såfremt du vil.").content(),
                false).findings()).extracting(GuideFinding::message).containsExactly(
                        "Undgå „§“, og skriv det med almindelige ord (portalens egen regel).",
                        "Undgå „såfremt“. Skriv hellere: hvis (portalens egen regel).");
    }

    @Test
    void theShippedListsHoldTheCommonTaskVerbsAndOfficialese() {
        GuideWordLists lists = GuideWordLists.fromClasspath();

        assertThat(List.of("søg", "søge", "ansøg", "ansøge", "meld", "melde", "anmeld", "anmelde", "bestil",
                "bestille", "book", "booke", "beregn", "beregne", "find", "finde", "skriv", "skrive", "tilmeld",
                "tilmelde", "afmeld", "afmelde", "ret", "rette", "se", "betal", "betale", "klag", "klage", "indberet",
                "indberette", "reserver", "reservere", "få", "ændr", "ændre", "opret", "oprette", "send", "sende",
                "hent", "hente", "giv", "give", "tjek", "tjekke", "forny", "luk", "lukke", "flyt", "flytte", "start",
                "starte", "stop", "stoppe", "vælg", "vælge")).allMatch(lists::isVerb);
        assertThat(lists.verbs()).hasSizeGreaterThan(150);
        assertThat(lists.officialese()).extracting(GuideWordLists.Officialese::phrase)
                .contains("§", "jf.", "iht.", "i henhold til", "såfremt", "herunder", "ansøger", "ansøgeren",
                        "bopælskommune", "fremsende", "påhviler", "vedrørende", "endvidere", "i medfør af",
                        "med henblik på", "idet", "dog")
                .hasSizeGreaterThan(30).doesNotHaveDuplicates();
    }

    /**
     * Texts of 400,000 characters on which the earlier patterns backtracked quadratically (minutes each: a scheme-like
     * run without "://", trailing punctuation that does not end the link) or overflowed the stack (a word of thousands
     * of dotted parts). Checked in linear time they take well under a second; the generous timeout (for a machine
     * under load) only stops a regression from running for minutes.
     */
    @ParameterizedTest
    @MethodSource("hostileTexts")
    void checksHostileTextsInLinearTime(String text) {
        GuideReport report = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> checks.check(aGoodPage().afterwards(text).content(), false));

        assertThat(report.lix()).as("the whole page was checked").containsKeys("title", "alternatives");
    }

    static Stream<String> hostileTexts() {
        int half = 200_000;
        return Stream.of("a.".repeat(half), "a-".repeat(half), "A. ".repeat(half * 2 / 3), "a+b.".repeat(half / 2),
                "https://a" + ".,".repeat(half) + "b", "Se www.a" + ")".repeat(2 * half) + "b",
                "/a" + "?".repeat(2 * half) + "x", "a\n".repeat(half / 2) + " " + "\n \t".repeat(half / 2));
    }

    @Test
    void aWordOfThousandsOfDottedPartsIsOneWord() {
        String word = "a." .repeat(5_000) + "a";

        assertThat(DanishSentences.words(word + " og " + word)).containsExactly(word, "og", word);
        assertThat(DanishSentences.sentences(word + ". Næste sætning.")).containsExactly(word + ".", "Næste sætning.");
    }

    @Test
    void theLinksAroundTheSchemeAndTheirTrailingPunctuationAreFoundAsBefore() {
        GuideReport report = checks.check(aGoodPage()
                .afterwards("Se (http://a.dk/x).. eller git+ssh://host/repo, x.ftp://f/g?! men ikke 2http://b/c.")
                .content(), false);

        assertThat(report.forField("afterwards")).extracting(GuideFinding::message).containsExactly(
                link("http://a.dk/x"), link("git+ssh://host/repo"), link("x.ftp://f/g"));
    }

    private List<String> officialeseIn(String text) {
        List<String> found = new ArrayList<>();
        for (GuideFinding finding : checks.check(aGoodPage().afterwards(text).content(), false).findings()) {
            if (finding.rule().equals("officialese")) {
                found.add(finding.message().substring(finding.message().indexOf('„') + 1,
                        finding.message().indexOf('“')));
            }
        }
        return found;
    }

    private static String link(String url) {
        return "Skriv linket „" + url + "“ som en fuld adresse, der begynder med https:// (portalens egen regel).";
    }

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/guide");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static Page aGoodPage() {
        return new Page();
    }

    /** A page that passes every check; each method changes one field. */
    static final class Page {
        private String title = "Søg om boligstøtte";
        private String intro = "Her kan du søge om boligstøtte til din bolig. Det er for dig, der lejer en bolig.";
        private List<String> beforeYouStart = List.of("Du skal bruge MitID.", "Det tager 10 minutter.");
        private String startLabel = "Start ansøgning om boligstøtte";
        private String continuesOn = "Udbetaling Danmark";
        private String alternatives = "Ring til kommunen, hvis du ikke kan bruge selvbetjeningen.";
        private String afterwards = "Du får svar i Digital Post inden for fire uger.";
        private String moreInformation;
        private String rules;

        Page title(String value) {
            title = value;
            return this;
        }

        Page intro(String value) {
            intro = value;
            return this;
        }

        Page beforeYouStart(String... items) {
            beforeYouStart = List.of(items);
            return this;
        }

        Page startLabel(String value) {
            startLabel = value;
            return this;
        }

        Page alternatives(String value) {
            alternatives = value;
            return this;
        }

        Page afterwards(String value) {
            afterwards = value;
            return this;
        }

        Page moreInformation(String value) {
            moreInformation = value;
            return this;
        }

        Page rules(String value) {
            rules = value;
            return this;
        }

        ActionPageContent content() {
            return new ActionPageContent(title, intro, beforeYouStart, startLabel, continuesOn, alternatives,
                    afterwards, moreInformation, rules, null, null, null);
        }
    }
}
