package dk.selvbetjening.shared.changes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dk.selvbetjening.shared.SystemPrincipal;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings the other nodes' changes to this one (ADR 0019). One connection of its own (outside the pool) listens on
 * {@value ChangeSignals#CHANNEL} in a daemon thread; each notification from another node is published here as a
 * {@link ChangedOnAnotherNode}. Every {@code check-interval} a second thread compares the database's change generation
 * with the last one this node received: when a generation never arrived (the listening connection dropped, a notification
 * was lost), everything is refreshed ({@link ChangedOnAnotherNode#unknown()}). A listening connection that fails is
 * opened again after {@code reconnect-delay}, and what changed meanwhile is refreshed at once.
 * <p>
 * Runs on PostgreSQL only ({@link ChangeSignals#active()}); on H2 it does nothing.
 */
@Component
public class ChangeReceiver implements SmartLifecycle {

    static final String APPLICATION_NAME = "selvbetjening-changes";
    private static final Logger log = LoggerFactory.getLogger(ChangeReceiver.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration ALIVE_CHECK = Duration.ofSeconds(10);

    private final ChangeSignals signals;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ChangeProperties properties;

    private volatile boolean running;
    private volatile boolean listening;
    private volatile Integer backendPid;
    private volatile boolean refreshAgain;
    private Thread listener;
    private ScheduledExecutorService checker;

    /** The newest generation whose change this node has (every older one included). */
    private long known;
    private long notifications;
    private long repairs;
    private long catchUps;
    private long reconnects;

    ChangeReceiver(ChangeSignals signals, DataSource dataSource, ApplicationEventPublisher events,
            ChangeProperties properties) {
        this.signals = signals;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.events = events;
        this.properties = properties;
    }

    /** What this node knows of the other nodes' changes, for operators and tests. */
    /**
     * @param repairs how often the generation check found a change no notification had brought
     * @param catchUps how often changes had come while the node was not listening, found when it listened again
     */
    public record Status(boolean active, boolean listening, Integer backendPid, long generation, long notifications,
            long repairs, long catchUps, long reconnects) {
    }

    public synchronized Status status() {
        return new Status(running, listening, backendPid, known, notifications, repairs, catchUps, reconnects);
    }

    @Override
    public void start() {
        if (!signals.active() || running) {
            return;
        }
        // before anything is built from the database: a change from now on is either notified or found by the check
        synchronized (this) {
            known = generation();
        }
        running = true;
        listener = new Thread(this::listen, "change-listener");
        listener.setDaemon(true);
        listener.start();
        checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "change-check");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkInterval().toMillis();
        checker.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Following other nodes' changes: LISTEN {}, generation {} checked every {}", ChangeSignals.CHANNEL,
                known, properties.checkInterval());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        checker.shutdownNow();
        try {
            listener.join(2 * WAIT_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private long generation() {
        return jdbc.queryForObject("SELECT generation FROM change_generation WHERE id = 1", Long.class);
    }

    private void listen() {
        while (running) {
            try (Connection connection = open()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                    statement.execute("LISTEN " + ChangeSignals.CHANNEL);
                }
                long current;
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery(
                                "SELECT generation FROM change_generation WHERE id = 1")) {
                    result.next();
                    current = result.getLong(1);
                }
                synchronized (this) {
                    backendPid = postgres.getBackendPID();
                    listening = true;
                }
                caughtUp(current);
                long aliveCheckedAt = System.nanoTime();
                while (running) {
                    PGNotification[] received = postgres.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        Arrays.stream(received).forEach(notification -> received(notification.getParameter()));
                    }
                    if (System.nanoTime() - aliveCheckedAt > ALIVE_CHECK.toNanos()) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("SELECT 1");
                        }
                        aliveCheckedAt = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for other nodes' changes failed ({}); listening again in {}", e.getMessage(),
                            properties.reconnectDelay());
                }
            } finally {
                synchronized (this) {
                    listening = false;
                    backendPid = null;
                }
            }
            if (running) {
                synchronized (this) {
                    reconnects++;
                }
                try {
                    Thread.sleep(properties.reconnectDelay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A connection of its own: a pooled one would be held for good and retired under the listener by the pool. */
    private Connection open() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            if (pool.getDataSource() != null) {
                return pool.getDataSource().getConnection();
            }
            Properties info = new Properties();
            info.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                info.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                info.setProperty("password", pool.getPassword());
            }
            return DriverManager.getConnection(pool.getJdbcUrl(), info);
        }
        return dataSource.getConnection();
    }

    /** The generation when listening (again): if changes came meanwhile, this node cannot know which. */
    private void caughtUp(long current) {
        synchronized (this) {
            if (current <= known) {
                return;
            }
            known = current;
            catchUps++;
        }
        log.info("Changes up to generation {} came while this node was not listening: everything is refreshed",
                current);
        dispatch(ChangedOnAnotherNode.unknown());
    }

    /** {@code generation node kind:id,id kind …}, as {@link ChangeSignals} sends it. */
    void received(String payload) {
        String[] parts = payload.split(" ");
        long generation;
        try {
            generation = Long.parseLong(parts[0]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            log.warn("Ignored a change notification that is not ours: {}", payload);
            return;
        }
        boolean missed;
        synchronized (this) {
            notifications++;
            if (generation <= known) {
                return;
            }
            missed = generation > known + 1;
            known = generation;
        }
        if (missed) {
            log.info("A change notification before generation {} never arrived: everything is refreshed", generation);
            dispatch(ChangedOnAnotherNode.unknown());
        } else if (parts.length > 1 && !parts[1].equals(signals.node())) {
            Map<String, Set<String>> changes = new HashMap<>();
            for (int i = 2; i < parts.length; i++) {
                String[] kindAndIds = parts[i].split(":", 2);
                changes.put(kindAndIds[0], kindAndIds.length == 1 ? Set.of() : Set.of(kindAndIds[1].split(",")));
            }
            dispatch(new ChangedOnAnotherNode(changes, false));
        }
    }

    /**
     * The safety net: a generation newer than the last one received, and not notified within a grace, refreshes
     * everything. So does one older than the last received (the database was restored from a backup): the node
     * follows the database's count from there.
     */
    void check() {
        try {
            if (refreshAgain) {
                refreshAgain = false;
                dispatch(ChangedOnAnotherNode.unknown());
            }
            long current = generation();
            if (behind(current)) {
                long grace = Math.min(WAIT_MILLIS, properties.checkInterval().toMillis() / 2);
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(grace);
                while (behind(current) && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                synchronized (this) {
                    if (current <= known) {
                        return;
                    }
                    known = current;
                    repairs++;
                }
                log.info("Changes up to generation {} reached this node by the generation check, not by a "
                        + "notification", current);
            } else if (ahead(current) && ahead(current = generation())) {
                synchronized (this) {
                    known = current;
                    repairs++;
                }
                log.warn("The change generation went back to {} (a restored database?): everything is refreshed",
                        current);
            } else {
                return;
            }
            dispatch(ChangedOnAnotherNode.unknown());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Checking the change generation failed: {}", e.getMessage());
        }
    }

    private synchronized boolean ahead(long generation) {
        return known > generation;
    }

    private synchronized boolean behind(long generation) {
        return known < generation;
    }

    private void dispatch(ChangedOnAnotherNode change) {
        try {
            SystemPrincipal.run(() -> events.publishEvent(change));
        } catch (RuntimeException e) {
            refreshAgain = true;
            log.error("Refreshing after another node's change failed; everything is refreshed again at the next check",
                    e);
        }
    }
}
