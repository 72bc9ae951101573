package dk.selvbetjening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default (an H2 file database) keeps every commit it has answered: by default H2 writes a commit to
 * its file up to half a second later, and a process killed in between loses it. The shipped
 * {@code spring.datasource.url} is used with only its file moved to a temporary directory (the tests' own
 * configuration otherwise replaces it with an in-memory database). bench/crash/run.sh kills the real application.
 */
@SpringBootTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseDurabilityTests {

    private static final String SHIPPED_FILE = "jdbc:h2:file:./data/selvbetjening";
    private static final Properties SHIPPED = shippedProperties();
    private static final Path DIRECTORY = temporaryDirectory();

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void shippedDatabaseInATemporaryDirectory(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> shippedUrl(DIRECTORY.resolve("app")));
    }

    @AfterAll
    void deleteTheDatabaseFiles() throws Exception {
        // closed here already, so that the database does not write to its deleted files when the context closes
        dataSource.unwrap(HikariDataSource.class).close();
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void theApplicationsDatabaseWritesEveryCommitToItsFileBeforeAnsweringIt() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:file:" + DIRECTORY.resolve("app"));
            assertThat(setting.next()).isTrue();
            assertThat(setting.getString(1)).as("milliseconds between a commit and writing it to the file")
                    .isEqualTo("0");
        }
    }

    @Test
    void everyCommittedRowSurvivesTheDatabaseStoppingWithoutWritingAnythingMore() throws SQLException {
        String url = shippedUrl(DIRECTORY.resolve("stopped"));
        try (Connection connection = open(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE acknowledged (id INTEGER PRIMARY KEY)");
            for (int id = 1; id <= 100; id++) {
                statement.execute("INSERT INTO acknowledged (id) VALUES (" + id + ")"); // auto-commit: one commit each
            }
            // What kill -9 leaves: the files are closed, and nothing still held in memory is written.
            statement.execute("SHUTDOWN IMMEDIATELY");
        }
        try (Connection connection = open(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM acknowledged")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(100);
        }
    }

    private static Connection open(String url) throws SQLException {
        return DriverManager.getConnection(url, SHIPPED.getProperty("spring.datasource.username"),
                SHIPPED.getProperty("spring.datasource.password"));
    }

    /** The shipped URL (src/main/resources/application.properties) with its database file moved to {@code file}. */
    private static String shippedUrl(Path file) {
        String url = SHIPPED.getProperty("spring.datasource.url");
        assertThat(url).startsWith(SHIPPED_FILE + ";");
        return "jdbc:h2:file:" + file + url.substring(SHIPPED_FILE.length());
    }

    private static Properties shippedProperties() {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("selvbetjening-durability");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
