package dk.selvbetjening.shared;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Lets the task executors of a paused test context finish when the context is closed, so the test JVM exits at once
 * (registered for every test application in {@code src/test/resources/META-INF/spring.factories}).
 * <p>
 * Spring's test context cache pauses the contexts not in use ({@code Lifecycle.stop()}, Spring Framework 7): a paused
 * {@link ThreadPoolTaskExecutor} holds a task it takes (an asynchronous module listener of the last test's commit) in
 * {@code beforeExecute} until it is started again. Contexts still cached are closed by the JVM's shutdown hook at the
 * end of the run; closing does not wake those workers, and the executor, set to await termination
 * ({@code spring.task.execution.shutdown.await-termination-period}, 20 s), waits the whole period for each. With a
 * few such contexts, Surefire's fork outlived its 30 s exit timeout and was killed ("Surefire is going to kill self
 * fork JVM"). Started again here when the context closes, the held tasks run and the executor ends. In production
 * no one pauses the context, and this class is not there.
 */
final class PausedExecutorsResumeOnClose implements ApplicationListener<ContextClosedEvent> {

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        for (ThreadPoolTaskExecutor executor : event.getApplicationContext()
                .getBeansOfType(ThreadPoolTaskExecutor.class, false, false).values()) {
            if (!executor.isRunning()) {
                executor.start();
            }
        }
    }
}
