package dk.selvbetjening.shared;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/**
 * Waits for the listeners of other modules, which run after the commit on the application task executor
 * ({@code @ApplicationModuleListener}), to finish what has been published. An event's publication is written in the
 * transaction that published it, so once a call has returned its listeners' work is in the registry until done.
 * A listener that fails leaves its publication unfinished, and the wait ends in a test failure.
 */
@Component
public class ModuleListeners {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final EventPublicationRegistry registry;

    ModuleListeners(EventPublicationRegistry registry) {
        this.registry = registry;
    }

    /** Returns once no event publication is outstanding; fails after 20 seconds. */
    public void awaitAll() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> registry.findIncompletePublications().isEmpty());
    }

    /**
     * Returns once no event publication waits for its listener or is being handled; one whose listener failed (it
     * stays until it is delivered again) is not waited for. For a test that reads what any listener's work would
     * change too, such as Hibernate's statement count, on the shared database. Fails after 20 seconds.
     */
    public void awaitRunning() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> registry.findIncompletePublications().stream()
                        .allMatch(p -> p.getStatus() == EventPublication.Status.FAILED));
    }

    /**
     * Returns once no publication to a listener whose id starts with {@code listenerIdPrefix} (e.g. {@code "search."})
     * is outstanding; fails after 20 seconds. For a test that needs only its own module's listeners to be done, on a
     * database where another module's listener may have failed (a failed publication stays until the next start).
     */
    public void awaitAll(String listenerIdPrefix) {
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> registry.findIncompletePublications().stream()
                            .noneMatch(p -> p.getTargetIdentifier().getValue().startsWith(listenerIdPrefix)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Outstanding: " + registry.findIncompletePublications().stream()
                    .map(p -> p.getTargetIdentifier().getValue() + " " + p.getEvent().getClass().getSimpleName()
                            + " " + p.getStatus())
                    .toList(), e);
        }
    }
}
