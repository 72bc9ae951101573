package dk.selvbetjening.compliance;

/** One answer as given: the requirement's number, a status, a justification (required for NOT_RELEVANT), evidence. */
public record AnswerInput(String requirement, AnswerStatus status, String justification, String evidenceUrl) {
}
