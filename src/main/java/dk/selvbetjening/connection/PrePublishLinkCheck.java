package dk.selvbetjening.connection;

import java.util.Optional;

import dk.selvbetjening.linkcheck.LinkCheckResult;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import org.springframework.stereotype.Component;

/**
 * Before a request's self-service goes live, its URL is checked now (outside any transaction): a BROKEN or
 * DANGER link stops publishing until the editor publishes on purpose. Off with
 * {@code selvbetjening.connection.check-before-publish=false}. A municipal request has no URL of its own: its
 * municipalities' links are checked as municipal links.
 */
@Component
class PrePublishLinkCheck {

    private final LinkCheckService checks;
    private final ConnectionProperties properties;

    PrePublishLinkCheck(LinkCheckService checks, ConnectionProperties properties) {
        this.checks = checks;
        this.properties = properties;
    }

    /** The check's result when it found {@code url} broken or dangerous; empty when it may go live. */
    Optional<LinkCheckResult> problem(String url) {
        if (!properties.checkBeforePublish() || url == null) {
            return Optional.empty();
        }
        LinkCheckResult result = checks.check(url);
        return result.outcome() == LinkOutcome.BROKEN || result.outcome() == LinkOutcome.DANGER
                ? Optional.of(result) : Optional.empty();
    }

    /** Checks {@code url} now, whatever the setting, when the editor asks to before approving or publishing. */
    void checkNow(String url) {
        if (url != null) {
            checks.check(url);
        }
    }
}
