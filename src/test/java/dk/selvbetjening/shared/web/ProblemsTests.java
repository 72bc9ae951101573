package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemsTests {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final Problems problems = new Problems(messages());

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("thing.api.stale.title", DANISH, "Tingen er ændret");
        messages.addMessage("thing.api.invalid.title", DANISH, "Tingen har fejl");
        messages.addMessage("thing.api.invalid.detail", DANISH, "Ret {0} fejl.");
        messages.addMessage("thing.busy", DANISH, "Vent {0} sekunder.");
        return messages;
    }

    @Test
    void aProblemIsAboutBlankWithADanishTitleAndTheGivenDetail() {
        ResponseEntity<ProblemDetail> response = problems.respond(HttpStatus.PRECONDITION_FAILED,
                "thing.api.stale.title", "Hent den igen.");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        ProblemDetail problem = response.getBody();
        assertThat(problem.getType()).isEqualTo(URI.create("about:blank"));
        assertThat(problem.getStatus()).isEqualTo(412);
        assertThat(problem.getTitle()).isEqualTo("Tingen er ændret");
        assertThat(problem.getDetail()).isEqualTo("Hent den igen.");
    }

    @Test
    void anInvalidRequestCountsItsErrorsAndListsThemPerField() {
        ResponseEntity<ProblemDetail> response = problems.invalid("thing.api.invalid",
                List.of(new Problems.FieldError("name", "Skriv et navn."), new Problems.FieldError("url", "Ugyldig.")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().getTitle()).isEqualTo("Tingen har fejl");
        assertThat(response.getBody().getDetail()).isEqualTo("Ret 2 fejl.");
        assertThat(response.getBody().getProperties()).containsEntry("errors",
                List.of(new Problems.FieldError("name", "Skriv et navn."), new Problems.FieldError("url", "Ugyldig.")));
    }

    @Test
    void aProblemCanSayWhenToTryAgain() {
        ProblemDetail problem = problems.problem(HttpStatus.TOO_MANY_REQUESTS, "thing.api.stale.title",
                problems.text("thing.busy", 30));

        ResponseEntity<ProblemDetail> response = problems.respond(problem, "30");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(response.getBody().getDetail()).isEqualTo("Vent 30 sekunder.");
    }
}
