package dk.selvbetjening.linkhealth;

import java.util.List;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.shared.SystemPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * After start-up, in the background, makes sure every published URL is watched — content that arrived before the
 * link checker, or while a node was down, is not forgotten. Watching is idempotent, so this is safe to repeat. The
 * URLs are registered in bulk, {@value #SERVICES_AT_ONCE} self-services per write. Runs as the application itself
 * ({@link SystemPrincipal}).
 */
@Component
class StartupWatching {

    private static final Logger log = LoggerFactory.getLogger(StartupWatching.class);
    /** Self-services registered per bulk write (a municipal one has up to 98 links), so no transaction grows large. */
    static final int SERVICES_AT_ONCE = 100;

    private final LinkWatching watching;
    private final SelfServiceService services;
    private final TaskExecutor executor;
    private final LinkHealthProperties properties;

    StartupWatching(LinkWatching watching, SelfServiceService services,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            LinkHealthProperties properties) {
        this.watching = watching;
        this.services = services;
        this.executor = executor;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchEverythingPublished() {
        if (!properties.watchOnStartup()) {
            return;
        }
        try {
            executor.execute(() -> SystemPrincipal.run(() -> {
                try {
                    List<SelfServiceDetails> published = services.published();
                    for (int from = 0; from < published.size(); from += SERVICES_AT_ONCE) {
                        watching.watchAll(published.subList(from,
                                Math.min(published.size(), from + SERVICES_AT_ONCE)));
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not register every published URL with the link checker", e);
                }
            }));
        } catch (TaskRejectedException e) {
            // stopped while starting (e.g. SIGTERM before ready): the next start registers them
            log.info("Not registering the published URLs with the link checker: the application is stopping");
        }
    }
}
