package dk.selvbetjening.linkhealth;

import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskRejectedException;

/** Stopped while starting: the executor refuses the background registration, and the start does not fail on it. */
class StartupWatchingTests {

    @Test
    void anExecutorThatIsShuttingDownDoesNotFailTheStart() {
        StartupWatching startup = new StartupWatching(null, null, task -> {
            throw new TaskRejectedException("Executor is shutting down");
        }, new LinkHealthProperties("0 0 7 * * MON", true, "http://localhost:8080"));
        assertThatNoException().isThrownBy(startup::watchEverythingPublished);
    }
}
