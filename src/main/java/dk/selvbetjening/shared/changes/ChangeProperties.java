package dk.selvbetjening.shared.changes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of how a change on one node reaches the others (ADR 0019). Only on PostgreSQL: the embedded H2 default is
 * one node, and there these settings do nothing.
 *
 * @param enabled signal and follow changes between nodes (on PostgreSQL)
 * @param checkInterval how often each node compares the database's change generation with the last it received:
 *        the safety net for a notification the node missed (its listening connection dropped, or a pooler that does
 *        not pass {@code LISTEN} on)
 * @param reconnectDelay how long the listening connection waits before it is opened again after a failure
 */
@ConfigurationProperties(prefix = "selvbetjening.changes")
public record ChangeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT2S") Duration checkInterval,
        @DefaultValue("PT1S") Duration reconnectDelay) {
}
