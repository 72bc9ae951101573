package dk.selvbetjening.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dk.selvbetjening.SelvbetjeningApplication;
import dk.selvbetjening.flow.EmbeddedPostgresConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Two instances of the whole application, as two production nodes: the postgres profile, each on its own loopback
 * port with its own data directory, both on one fresh database of the embedded PostgreSQL server
 * ({@link EmbeddedPostgresConfiguration}). Node A starts first (it runs the migrations and creates the first editor,
 * {@link #EDITOR}), then node B.
 *
 * <p>Each node connects as a PostgreSQL role of its own, so {@link Node#kill()} can take the database away from one
 * node at once, as when its process dies: what it would still write while closing (releasing its locks, flushing its
 * counts) never arrives.
 *
 * <pre>
 * static TwoNodes nodes = TwoNodes.start("selvbetjening.actionpage.go-live-poll=PT1S");
 * nodes.a().baseUrl(); nodes.b().bean(SomeService.class); nodes.a().kill(); nodes.close();
 * </pre>
 */
public final class TwoNodes implements AutoCloseable {

    /** The first editor both nodes know (the bootstrap editor of the postgres profile). */
    public static final String EDITOR = "klynge.redaktoer@redaktion.example";
    public static final String PASSWORD = "en-lang-adgangskode-til-klyngen";

    /** Unpooled, as in the other PostgreSQL tests: a closed connection fails at once instead of waiting for a pool. */
    private static final String TYPE = "org.postgresql.ds.PGSimpleDataSource";

    private final String database;
    private final Node a;
    private final Node b;

    private TwoNodes(String database, Node a, Node b) {
        this.database = database;
        this.a = a;
        this.b = b;
    }

    /**
     * Starts both nodes on a new database.
     *
     * @param properties extra settings for both nodes, each {@code name=value}
     */
    public static TwoNodes start(String... properties) {
        return start(List.of(), properties);
    }

    /**
     * Starts both nodes on a new database, each with the application's configuration and {@code components} (e.g. a
     * test's listener).
     *
     * @param properties extra settings for both nodes, each {@code name=value}
     */
    public static TwoNodes start(List<Class<?>> components, String... properties) {
        return start(components, 0, 0, properties);
    }

    /**
     * Starts both nodes on a new database, node A on {@code portA} and node B on {@code portB} (e.g. for a browser
     * whose WebAuthn origins must be known before the nodes start; 0: any free port).
     *
     * @param properties extra settings for both nodes, each {@code name=value}
     */
    public static TwoNodes startOnPorts(int portA, int portB, String... properties) {
        return start(List.of(), portA, portB, properties);
    }

    private static TwoNodes start(List<Class<?>> components, int portA, int portB, String... properties) {
        String database;
        try {
            database = EmbeddedPostgresConfiguration.newDatabase();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the nodes' database", e);
        }
        Node a = new Node("a", database, portA, components, List.of(properties));
        try {
            Node b = new Node("b", database, portB, components, List.of(properties));
            return new TwoNodes(database, a, b);
        } catch (RuntimeException e) {
            a.stop();
            throw e;
        }
    }

    public Node a() {
        return a;
    }

    public Node b() {
        return b;
    }

    /** The shared database, reached past both nodes (as the superuser), to look at or arrange rows. */
    public JdbcClient database() {
        return JdbcClient.create(dataSource(database));
    }

    /** Stops the nodes still running. */
    @Override
    public void close() {
        a.stop();
        b.stop();
    }

    private static DataSource dataSource(String database) {
        return EmbeddedPostgresConfiguration.server().getDatabase("postgres", database);
    }

    private static String jdbcUrl(String database, String applicationName) {
        return "jdbc:postgresql://127.0.0.1:" + EmbeddedPostgresConfiguration.server().getPort() + "/" + database
                + "?ApplicationName=" + applicationName;
    }

    /** One application instance. */
    public static final class Node {

        private final String name;
        private final String role;
        private final String database;
        private final Path dataDirectory;
        private final ConfigurableApplicationContext context;
        private final String baseUrl;
        private boolean running;

        private Node(String name, String database, int requestedPort, List<Class<?>> components, List<String> properties) {
            this.name = name;
            this.database = database;
            this.role = database + "_node_" + name;
            JdbcClient.create(dataSource(database)).sql("CREATE ROLE " + role + " LOGIN SUPERUSER").update();
            try {
                this.dataDirectory = Files.createTempDirectory("selvbetjening-node-" + name + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> arguments = new ArrayList<>(List.of(
                    "--spring.profiles.active=postgres",
                    "--server.address=127.0.0.1",
                    "--server.port=" + requestedPort,
                    "--spring.datasource.url=" + jdbcUrl(database, "node-" + name),
                    "--spring.datasource.type=" + TYPE,
                    "--spring.datasource.username=" + role,
                    "--spring.datasource.password=",
                    "--selvbetjening.connection.token-secret=a-test-only-status-link-secret-shared-by-the-nodes",
                    "--selvbetjening.account.bootstrap-editor-email=" + EDITOR,
                    "--selvbetjening.account.bootstrap-editor-password=" + PASSWORD,
                    "--selvbetjening.linkcheck.enabled=false",
                    "--selvbetjening.search.index-directory=" + dataDirectory.resolve("search-index"),
                    "--spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem",
                    // plain http on loopback: the session cookie must travel without TLS here
                    "--server.servlet.session.cookie.secure=false",
                    "--selvbetjening.portal.secure-cookies=false"));
            // Most tests log the editor in with the password over plain HTTP (java.net.http), which cannot answer a
            // passkey's challenge: the postgres profile's mandatory editor passkeys (ADR 0027) are off unless a test
            // turns them on (PasskeyLoginOnTwoNodesBrowserTests, with Chromium's virtual authenticator).
            if (properties.stream().noneMatch(p -> p.startsWith("selvbetjening.account.editor-passkey-required="))) {
                arguments.add("--selvbetjening.account.editor-passkey-required=false");
            }
            properties.forEach(property -> arguments.add("--" + property));
            List<Class<?>> sources = new ArrayList<>(List.of(SelvbetjeningApplication.class));
            sources.addAll(components);
            this.context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                    .run(arguments.toArray(String[]::new));
            this.running = true;
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            this.baseUrl = "http://127.0.0.1:" + port;
        }

        /** "a" or "b". */
        public String name() {
            return name;
        }

        /** {@code http://127.0.0.1:<port>}, no trailing slash. */
        public String baseUrl() {
            return baseUrl;
        }

        public ConfigurableApplicationContext context() {
            return context;
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        public boolean running() {
            return running;
        }

        /** Shuts the node down as an operator would: requests finish, jobs release their locks, counts are written. */
        public synchronized void stop() {
            if (running) {
                running = false;
                context.close();
                FileSystemUtils.deleteRecursively(dataDirectory.toFile());
            }
        }

        /**
         * Ends the node as a crash would: first its database role may no longer log in and its connections are cut,
         * then its context closes, so nothing it does on the way out reaches the database (locks it holds stay held
         * until they expire, in-memory work is lost).
         */
        public synchronized void kill() {
            if (running) {
                JdbcClient superuser = JdbcClient.create(dataSource(database));
                superuser.sql("ALTER ROLE " + role + " NOLOGIN").update();
                superuser.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :role")
                        .param("role", role).query().listOfRows();
                stop();
            }
        }
    }

    /** The names of both nodes, for messages. */
    @Override
    public String toString() {
        return Stream.of(a, b).map(node -> node.name() + "=" + node.baseUrl()).toList().toString();
    }
}
