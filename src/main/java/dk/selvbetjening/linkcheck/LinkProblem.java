package dk.selvbetjening.linkcheck;

/**
 * What is wrong with a link, stored with its latest result. Each has a Danish text and a suggested fix in
 * {@code i18n/linkcheck.properties} ({@code linkcheck.problem.<NAME>}, {@code linkcheck.suggestion.<NAME>}).
 * A <em>failure</em> makes the link {@link LinkOutcome#BROKEN} only after several failed checks in a row; until then
 * it is {@link LinkOutcome#CAUTION}.
 */
public enum LinkProblem {

    SLOW(LinkOutcome.CAUTION),
    REDIRECTED(LinkOutcome.CAUTION),
    BLOCKS_ROBOTS(LinkOutcome.CAUTION),
    FORBIDDEN(LinkOutcome.CAUTION),
    CLIENT_ERROR(LinkOutcome.CAUTION),
    RATE_LIMITED(LinkOutcome.CAUTION),
    TLS_PROBLEM(LinkOutcome.CAUTION),

    NOT_FOUND(true),
    SOFT_404(true),
    SERVER_ERROR(true),
    TIMEOUT(true),
    CONNECTION_FAILED(true),
    UNKNOWN_HOST(true),

    REDIRECT_LOOP(LinkOutcome.BROKEN),
    TOO_MANY_REDIRECTS(LinkOutcome.BROKEN),
    BAD_REDIRECT(LinkOutcome.BROKEN),
    INVALID_URL(LinkOutcome.BROKEN),
    INTERNAL_ADDRESS(LinkOutcome.BROKEN),

    SUSPICIOUS_DOMAIN(LinkOutcome.DANGER);

    private final LinkOutcome outcome;
    private final boolean failure;

    LinkProblem(LinkOutcome outcome) {
        this.outcome = outcome;
        this.failure = false;
    }

    LinkProblem(boolean failure) {
        this.outcome = LinkOutcome.BROKEN;
        this.failure = failure;
    }

    /** The outcome this problem gives; for a failure, once it has happened often enough in a row. */
    public LinkOutcome outcome() {
        return outcome;
    }

    /** Counts towards the consecutive failures that make a link broken. */
    public boolean failure() {
        return failure;
    }
}
