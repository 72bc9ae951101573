package dk.selvbetjening.compliance;

import dk.selvbetjening.compliance.requirement.RequirementDetails;

/** One requirement in force, the answer to it (null when none) and where it stands. */
public record RequirementAssessment(RequirementDetails requirement, AnswerDetails answer, RequirementState state) {
}
