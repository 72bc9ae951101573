package dk.selvbetjening.connection;

import dk.selvbetjening.linkcheck.LinkCheckResult;

/**
 * Publishing stopped because the request's URL was just found broken or dangerous (409); the editor may publish
 * anyway. The message says what is wrong and what to do, in Danish.
 */
public class BrokenLinkException extends IllegalTransitionException {

    private final transient LinkCheckResult result;

    public BrokenLinkException(LinkCheckResult result) {
        super(result.problem() + " " + result.suggestion());
        this.result = result;
    }

    /** The check that found it. */
    public LinkCheckResult result() {
        return result;
    }
}
