package dk.selvbetjening.linkhealth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.notification.OutgoingMail;
import dk.selvbetjening.shared.DanishTime;
import dk.selvbetjening.shared.SystemPrincipal;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a week (a setting) each authority with broken links gets one e-mail listing them, most used first, with
 * what is wrong and what to do — through the outbox, to the authority's contact e-mail. Every node's cron fires at
 * the same minute; the job lock (ADR 0018) lets one of them send, and stays held for 10 minutes after, so a node
 * whose timer fires a little late does not send the digests again.
 */
@Component
class BrokenLinkDigest {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final LinkHealthReport report;
    private final AuthorityService authorities;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final LinkHealthProperties properties;

    BrokenLinkDigest(LinkHealthReport report, AuthorityService authorities, MailOutbox outbox, MessageSource messages,
            TransactionTemplate transactions, LinkHealthProperties properties) {
        this.report = report;
        this.authorities = authorities;
        this.outbox = outbox;
        this.messages = messages;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(cron = "${selvbetjening.linkhealth.digest-cron:0 0 7 * * MON}", zone = DanishTime.ZONE_NAME)
    @SchedulerLock(name = "linkhealth.broken-link-digest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT10M")
    void scheduled() {
        send();
    }

    /** Puts one digest per authority with broken links in the outbox, as the system principal; returns how many. */
    int send() {
        return SystemPrincipal.call(this::enqueueDigests);
    }

    private int enqueueDigests() {
        Map<UUID, List<LinkHealthRow>> broken = report.rows(null).stream()
                .filter(row -> row.check() != null && (row.check().outcome() == LinkOutcome.BROKEN
                        || row.check().outcome() == LinkOutcome.DANGER))
                .collect(Collectors.groupingBy(LinkHealthRow::ownerAuthorityId));
        int sent = 0;
        for (Map.Entry<UUID, List<LinkHealthRow>> entry : broken.entrySet()) {
            AuthorityDetails authority = authorities.authority(entry.getKey());
            if (authority.contactEmail() == null || authority.contactEmail().isBlank()) {
                continue;
            }
            String body = text("linkhealth.digest.body", authority.name(), entry.getValue().size(),
                    entry.getValue().stream().map(this::line).collect(Collectors.joining("\n")),
                    properties.baseUrl() + "/redaktion/kommunelinks");
            transactions.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail(authority.contactEmail(),
                    text("linkhealth.digest.subject", entry.getValue().size()), body)));
            sent++;
        }
        return sent;
    }

    private String line(LinkHealthRow row) {
        String where = row.municipalityName() == null ? row.serviceTitle()
                : row.serviceTitle() + " (" + row.municipalityName() + ")";
        return text("linkhealth.digest.line", where, row.url(), row.check().problem(), row.check().suggestion(),
                row.starts());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, DANISH);
    }
}
