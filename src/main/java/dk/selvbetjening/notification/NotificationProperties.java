package dk.selvbetjening.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender address of every mail
 * @param editorsMailbox the portal editors' shared mailbox, told about new connection requests
 * @param pollInterval how often the sender looks for due mails
 * @param maxAttempts tries before a mail is marked FAILED
 * @param initialBackoff wait after the first failure; doubles per failure up to {@code maxBackoff}
 * @param claimTimeout a mail claimed for sending longer than this (the sender died) is tried again
 */
@ConfigurationProperties(prefix = "selvbetjening.notification")
public record NotificationProperties(
        @DefaultValue("noreply@selvbetjening.local") String from,
        @DefaultValue("redaktion@selvbetjening.local") String editorsMailbox,
        @DefaultValue("PT10S") Duration pollInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT30S") Duration initialBackoff,
        @DefaultValue("PT1H") Duration maxBackoff,
        @DefaultValue("PT10M") Duration claimTimeout) {
}
