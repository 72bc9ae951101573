package dk.selvbetjening.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class PausedExecutorsResumeOnCloseTests {

    @Configuration(proxyBeanMethods = false)
    static class AwaitingExecutor {

        @Bean
        ThreadPoolTaskExecutor applicationTaskExecutor() {
            // as spring.task.execution.shutdown.await-termination(-period) set it
            ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
            executor.setWaitForTasksToCompleteOnShutdown(true);
            executor.setAwaitTerminationSeconds(20);
            return executor;
        }

    }

    @Test
    void aPausedContextClosesWithoutWaitingForTheTaskItHolds() throws Exception {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(AwaitingExecutor.class);
        context.addApplicationListener(new PausedExecutorsResumeOnClose());
        context.refresh();
        ThreadPoolTaskExecutor executor = context.getBean(ThreadPoolTaskExecutor.class);
        context.stop();   // as the test context cache pauses a context it does not use now
        CountDownLatch ran = new CountDownLatch(1);
        executor.execute(ran::countDown);
        assertThat(ran.await(300, TimeUnit.MILLISECONDS)).as("held while paused").isFalse();

        long started = System.nanoTime();
        context.close();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds to close").isLessThan(5);
        assertThat(ran.getCount()).as("the held task ran").isZero();
    }

    @Test
    void listensInEveryTestApplication() {
        SpringApplication application = new SpringApplication(AwaitingExecutor.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off")) {
            assertThat(application.getListeners()).hasAtLeastOneElementOfType(PausedExecutorsResumeOnClose.class);
        }
    }
}
