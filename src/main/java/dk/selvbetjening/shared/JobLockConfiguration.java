package dk.selvbetjening.shared;

import java.lang.management.ManagementFactory;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One node at a time runs each scheduled job that must not run twice (ADR 0018): a method annotated
 * {@code @SchedulerLock} runs only on the node that took the job's row in table {@code shedlock} (migration V64), and
 * is skipped on every other node while the row is held. Lock times are the database's, never a node's clock. A row is
 * held until the job finishes, or until its {@code lockAtMostFor} has passed when the node holding it died. Rows name
 * their node as {@code pid@host}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .withLockedByValue(ManagementFactory.getRuntimeMXBean().getName())
                .build());
    }
}
