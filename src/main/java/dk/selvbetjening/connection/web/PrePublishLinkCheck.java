package dk.selvbetjening.connection.web;

import java.util.Optional;

import dk.selvbetjening.connection.ConnectionProperties;
import dk.selvbetjening.connection.ConnectionRequestDetails;
import dk.selvbetjening.linkcheck.LinkCheckResult;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import org.springframework.stereotype.Component;

/**
 * Before a request's self-service goes live, its URL is checked now (outside any transaction): a BROKEN or
 * DANGER link is shown to the editor, who may still publish on purpose. Off with
 * {@code selvbetjening.connection.check-before-publish=false}.
 */
@Component
class PrePublishLinkCheck {

    private final LinkCheckService checks;
    private final ConnectionProperties properties;

    PrePublishLinkCheck(LinkCheckService checks, ConnectionProperties properties) {
        this.checks = checks;
        this.properties = properties;
    }

    /**
     * The check's result when it found the link broken or dangerous; empty when it may go live. A municipal
     * request has no URL of its own: its municipalities' links are checked as municipal links.
     */
    Optional<LinkCheckResult> problem(ConnectionRequestDetails request) {
        if (!properties.checkBeforePublish() || request.url() == null) {
            return Optional.empty();
        }
        LinkCheckResult result = checks.check(request.url());
        return result.outcome() == LinkOutcome.BROKEN || result.outcome() == LinkOutcome.DANGER
                ? Optional.of(result) : Optional.empty();
    }
}
