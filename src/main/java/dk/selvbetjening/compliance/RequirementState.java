package dk.selvbetjening.compliance;

/**
 * Where one requirement stands for one self-service. MET and NOT_RELEVANT satisfy it; every other state keeps a
 * mandatory solution from being published (without an exemption): no answer, an answer to an older wording, an answer
 * an editor questioned, or one that says the requirement is only partly met or not met.
 */
public enum RequirementState {
    MET, NOT_RELEVANT, UNANSWERED, OLDER_WORDING, QUESTIONED, PARTLY_MET, NOT_MET;

    public boolean satisfied() {
        return this == MET || this == NOT_RELEVANT;
    }

    static RequirementState of(AnswerDetails answer) {
        if (answer == null) {
            return UNANSWERED;
        }
        if (!answer.currentWording()) {
            return OLDER_WORDING;
        }
        if (answer.review() == AnswerReview.QUESTIONED) {
            return QUESTIONED;
        }
        return switch (answer.status()) {
            case MET -> MET;
            case NOT_RELEVANT -> NOT_RELEVANT;
            case PARTLY_MET -> PARTLY_MET;
            case NOT_MET -> NOT_MET;
        };
    }
}
