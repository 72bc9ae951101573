package dk.selvbetjening.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.compliance.AnswerInput;
import dk.selvbetjening.compliance.AnswerReview;
import dk.selvbetjening.compliance.AnswerStatus;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.compliance.requirement.RequirementDetails;
import org.springframework.stereotype.Component;

/**
 * Realistic assessments of the demo's mandatory solutions, through the compliance module's own service: before
 * publishing, most meet every requirement; one has an exemption while its user test is pending; after publishing,
 * one finds an accessibility flaw and one answer is questioned (failing), and several are signed off for the year.
 */
@Component
class DemoAssessments {

    /** Published with an exemption: the common user test and keyboard use are not done yet. */
    static final String EXEMPTED = "soeg-om-separation-eller-skilsmisse";
    /** After publishing, the authority finds that a map cannot be used with a keyboard. */
    static final String FAILING = "anmeld-rotter";
    /** After publishing, an editor questions the answer to the user test. */
    static final String QUESTIONED = "soeg-om-hjaelpemidler";
    /** Signed off for the current year by their authorities. */
    static final Set<String> SIGNED_OFF = Set.of("meld-flytning", "soeg-om-boligstoette", "soeg-om-folkepension",
            "soeg-om-boernetilskud", "skriv-dit-barn-op-til-daginstitution", "bestil-nyt-sundhedskort",
            "anmeld-tyveri-af-din-cykel");

    private static final Map<String, String> JUSTIFICATIONS = Map.ofEntries(
            Map.entry("1.1", "Teksterne følger skrivevejledningen for borger.dk og er skrevet til borgere."),
            Map.entry("1.2", "Teksterne er gennemgået af en tekstforfatter. Fagord er forklaret."),
            Map.entry("1.3", "Hvert trin har en kort vejledning."),
            Map.entry("1.4", "Fejlmeddelelser står ved feltet og siger, hvad der skal rettes."),
            Map.entry("1.5", "Alle fejlmeddelelser, også tekniske, er på dansk."),
            Map.entry("2.1", "Løsningen bruger Det Fælles Designsystem."),
            Map.entry("2.2", "Handlingssiden fortæller, hvad borgeren skal bruge, og hvor lang tid det tager."),
            Map.entry("2.3", "Forløbet er testet med brugere og følger samme mønster hele vejen."),
            Map.entry("2.4", "Borgeren ser et resumé før indsendelse."),
            Map.entry("2.5", "Obligatoriske felter tjekkes, før borgeren kan sende."),
            Map.entry("2.6", "Borgeren får en kvittering på skærmen og i Digital Post."),
            Map.entry("2.7", "Myndighedens navn og logo står i toppen af hver side."),
            Map.entry("2.8", "Løsningen er testet på mobil, tablet og computer."),
            Map.entry("2.9", "Løsningen er testet i de nyeste udgaver af Chrome, Edge, Firefox og Safari."),
            Map.entry("2.10", "Bestået den fællesoffentlige brugertest."),
            Map.entry("3.1", "Navn, adresse og familieforhold hentes fra CPR."),
            Map.entry("3.2", "Log-in med MitID gennem NemLog-in."),
            Map.entry("3.3", "Svar sendes med Digital Post."),
            Map.entry("3.4", "Digital fuldmagt er understøttet."),
            Map.entry("4.1", "Testet mod WCAG 2.1 niveau AA."),
            Map.entry("4.2", "Alle funktioner kan bruges med tastatur."),
            Map.entry("4.3", "Testet med skærmlæser og 200 % forstørrelse."),
            Map.entry("4.4", "Tilgængelighedserklæringen er opdateret i år."),
            Map.entry("4.5", "Felter har ledetekster, og fejl læses op."));

    private final AssessmentService assessments;
    private final RequirementCatalogue catalogue;
    private final Clock clock;

    DemoAssessments(AssessmentService assessments, RequirementCatalogue catalogue, Clock clock) {
        this.assessments = assessments;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Before publishing: the authority's answers, an editor's verification, and the exemption where needed. */
    void beforePublishing(SelfServiceDetails service) {
        List<AnswerInput> answers = new ArrayList<>();
        for (RequirementDetails requirement : catalogue.inForce()) {
            String number = requirement.number();
            AnswerStatus status = AnswerStatus.MET;
            String justification = JUSTIFICATIONS.getOrDefault(number, "Opfyldt.");
            String evidence = null;
            if (EXEMPTED.equals(service.slug()) && number.equals("2.10")) {
                status = AnswerStatus.PARTLY_MET;
                justification = "Brugertesten er gennemført for ansøgningen, men ikke for kvitteringen. Resten testes i foråret.";
            } else if (EXEMPTED.equals(service.slug()) && number.equals("4.2")) {
                status = AnswerStatus.NOT_MET;
                justification = "Datovælgeren kan ikke bruges med tastatur. Den skiftes ud i næste udgivelse.";
            } else if (number.equals("3.4") && service.slug().equals("skriv-dit-barn-ind-i-skole")) {
                status = AnswerStatus.NOT_RELEVANT;
                justification = "Forældremyndighedens indehaver bruger selv løsningen; fuldmagt er ikke relevant.";
            } else if (number.equals("4.4")) {
                evidence = "https://www.was.digst.dk/" + service.slug();
            }
            answers.add(new AnswerInput(number, status, justification, evidence));
        }
        assessments.answer(service.id(), null, answers);
        assessments.verifyAll(service.id());
        if (EXEMPTED.equals(service.slug())) {
            assessments.grantExemption(service.id(),
                    "Løsningen erstatter en papirblanket, som borgerne ikke længere kan få. Brugertesten og "
                            + "rettelsen af datovælgeren er aftalt med myndigheden.",
                    LocalDate.now(clock).plusMonths(6));
        }
    }

    /** After publishing: what changed since, and this year's sign-offs. */
    void afterPublishing(List<SelfServiceDetails> mandatory) {
        for (SelfServiceDetails service : mandatory) {
            if (FAILING.equals(service.slug())) {
                assessments.answer(service.id(), null, List.of(new AnswerInput("4.2", AnswerStatus.PARTLY_MET,
                        "Kortet, hvor borgeren markerer fundet, kan ikke bruges med tastatur. Adressefeltet kan.",
                        null)));
            }
            if (QUESTIONED.equals(service.slug())) {
                assessments.review(service.id(), "2.10", AnswerReview.QUESTIONED,
                        "Hvornår blev brugertesten gennemført? Send gerne rapporten.");
            }
            if (SIGNED_OFF.contains(service.slug())) {
                assessments.signOff(service.id());
            }
        }
    }
}
