package dk.selvbetjening.municipallink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.portal.CitizenCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CSV import benchmark (bench/csv-import/run.sh, not part of the test suite): 100,000 municipal links
 * imported from one CSV file through {@link MunicipalLinkService#importCsv} on PostgreSQL, against PostgreSQL's
 * own COPY of the same rows. Writes its result to bench/csv-import/RESULTS.md.
 */
@SpringBootTest(properties = {"test.context=benchmark", "spring.jpa.properties.hibernate.generate_statistics=false",
        "logging.level.dk.selvbetjening=WARN"})
@EnabledIfEnvironmentVariable(named = "BENCH_DB_URL", matches = ".+")
class MunicipalLinkImportBenchmark {

    static final int ROWS = 100_000;
    static final Path RESULTS = Path.of("bench/csv-import/RESULTS.md");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("BENCH_DB_URL"));
        registry.add("spring.datasource.username", () -> System.getenv("BENCH_DB_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("BENCH_DB_PASSWORD"));
    }

    @Autowired
    MunicipalLinkService links;

    @Autowired
    SelfServiceService services;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    CitizenCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void importsAHundredThousandRowsAndComparesWithCopy() throws Exception {
        int servicesNeeded = (ROWS + 97) / 98;
        long setupStarted = System.nanoTime();
        var owner = authorities.register(AuthorityFixtures.aStateAuthority("Benchmarkstyrelsen")).id();
        for (int i = 0; i < servicesNeeded; i++) {
            NewSelfService s = SelfServiceFixtures.aMunicipalSelfService(owner);
            NewSelfService numbered = new NewSelfService(String.format(Locale.ROOT, "bench-%04d", i),
                    String.format(Locale.ROOT, "Benchmark %04d", i), s.shortDescription(), s.kind(), s.scope(), s.url(),
                    s.formReturn(), s.authorityId(), s.supplierName(), s.supplierEmail(), s.loginMethod(),
                    s.mandatoryWave(), s.kleNumber(), s.topics(), s.keywords(), false);
            dk.selvbetjening.shared.SystemPrincipal.run(() -> services.publish(services.add(numbered).id()));
        }
        double setupSeconds = seconds(setupStarted);
        var editor = accounts.editor();

        // The file an editor would upload: the export of every link, "Ny URL" filled in on the first 100,000 rows.
        byte[] insertFile = filledExport("https://bench.example.dk/ny/");
        int fileRows = new String(insertFile, StandardCharsets.UTF_8).split("\r\n").length - 1;
        assertThat(fileRows).isEqualTo(ROWS);

        long generationBefore = catalogue.snapshot().generation();
        long started = System.nanoTime();
        ImportReport inserted = accounts.runAs(editor, () -> links.importCsv(insertFile, false));
        double insertSeconds = seconds(started);
        assertThat(inserted.changed()).isEqualTo(ROWS);
        assertThat(inserted.errors()).isEmpty();
        long rebuildStarted = System.nanoTime();
        long generationAfter = catalogue.snapshot().generation();
        double rebuildSeconds = seconds(rebuildStarted);

        byte[] updateFile = filledExport("https://bench.example.dk/rettet/");
        started = System.nanoTime();
        ImportReport updated = accounts.runAs(editor, () -> links.importCsv(updateFile, false));
        double updateSeconds = seconds(started);
        assertThat(updated.changed()).isEqualTo(ROWS);

        byte[] invalidFile = withOneBadRow(updateFile);
        started = System.nanoTime();
        ImportReport refused = accounts.runAs(editor, () -> links.importCsv(invalidFile, false));
        double validateSeconds = seconds(started);
        assertThat(refused.applied()).isFalse();
        assertThat(refused.invalid()).isEqualTo(1);

        // PostgreSQL's COPY of the same 100,000 rows: into an equivalent table (same columns, keys, unique
        // constraint and checks, ids and self-service ids resolved beforehand), and the raw file into a staging table.
        Map<String, UUID> ids = new HashMap<>();
        services.published().forEach(s -> ids.put(s.slug(), s.id()));
        String copyRows = copyRows(insertFile, ids);
        jdbc.sql("CREATE TABLE municipal_link_copy (LIKE municipal_link INCLUDING ALL)").update();
        jdbc.sql("CREATE TABLE municipal_link_csv (kommunekode TEXT, kommune TEXT, selvbetjening TEXT, navn TEXT, "
                + "titel TEXT, url TEXT, status TEXT, senest_tjekket TEXT, ny_url TEXT)").update();
        double copySeconds = copy("COPY municipal_link_copy (id, self_service_id, municipality_code, url, title, "
                + "updated_at, version, broken, last_checked_at) FROM STDIN (FORMAT csv)", copyRows);
        double rawCopySeconds = copy("COPY municipal_link_csv FROM STDIN (FORMAT csv, HEADER true, DELIMITER ';')",
                new String(insertFile, StandardCharsets.UTF_8));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM municipal_link_copy").query(Long.class).single()).isEqualTo(ROWS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM municipal_link_csv").query(Long.class).single()).isEqualTo(ROWS);

        String postgres = jdbc.sql("SELECT version()").query(String.class).single();
        String result = """
                ## CSV import of municipal links (bench/csv-import)

                %s. %,d rows (%d published municipal self-services × 98 municipalities, cut at %,d), one %.1f MB \
                CSV file as exported (UTF-8 with BOM, semicolons, CRLF) with "Ny URL" filled in on every row, \
                imported as an EDITOR through `MunicipalLinkService.importCsv` on %s, Java %s, %d cores. \
                One run, wall times (setting up the self-services took %.1f s and is not counted).

                | what | wall time | rows/s | × COPY |
                |---|---:|---:|---:|
                | our import, 100,000 new links (parse, check every row, multi-row INSERTs in JDBC batches, audit, events, commit) | %.2f s | %,.0f | %.1f |
                | our import, the same 100,000 links changed (batched UPDATEs with version check) | %.2f s | %,.0f | %.1f |
                | our import, checking only (one bad row, so nothing is written) | %.2f s | %,.0f | %.1f |
                | `COPY` of the same rows into an equivalent table (`LIKE municipal_link INCLUDING ALL`, ids resolved beforehand) | %.2f s | %,.0f | 1.0 |
                | `COPY` of the raw CSV file into a text staging table | %.2f s | %,.0f | %.1f |

                The citizen catalogue was invalidated %d times by the first import (one event per changed self-service, \
                none per row) and rebuilt once on the next read, in %.2f s. The import is %.1f× PostgreSQL's COPY \
                into the equivalent table: the difference is parsing and checking every row in Java, the unique \
                constraint's index, audit entries per self-service and a JDBC round trip per 1,000 rows. Checking alone \
                is about as fast as COPY; the writes are the rest.
                """.formatted(Instant.now().toString().substring(0, 10), ROWS, servicesNeeded, ROWS,
                insertFile.length / 1e6, postgres.replaceAll(" on .*", ""), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), setupSeconds,
                insertSeconds, ROWS / insertSeconds, insertSeconds / copySeconds,
                updateSeconds, ROWS / updateSeconds, updateSeconds / copySeconds,
                validateSeconds, ROWS / validateSeconds, validateSeconds / copySeconds,
                copySeconds, ROWS / copySeconds,
                rawCopySeconds, ROWS / rawCopySeconds, rawCopySeconds / copySeconds,
                generationAfter - generationBefore, rebuildSeconds, insertSeconds / copySeconds);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, result, StandardCharsets.UTF_8);
        System.out.println(result);
    }

    private byte[] filledExport(String base) {
        String[] lines = new String(links.exportCsv(LinkFilter.ALL), StandardCharsets.UTF_8).split("\r\n");
        StringBuilder file = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i <= ROWS; i++) {
            String[] cells = lines[i].split(";", -1);
            cells[cells.length - 1] = base + cells[2] + "/" + cells[0];
            file.append(String.join(";", cells)).append("\r\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withOneBadRow(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        int last = text.lastIndexOf("https://", text.length() - 2);
        return (text.substring(0, last) + "http://" + text.substring(last + "https://".length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String copyRows(byte[] file, Map<String, UUID> ids) {
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\r\n");
        List<String> rows = new ArrayList<>(ROWS);
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(";", -1);
            rows.add(UUID.randomUUID() + "," + ids.get(cells[2]) + "," + cells[0] + "," + cells[8] + ",," + now
                    + ",0,false,");
        }
        return String.join("\n", rows) + "\n";
    }

    private double copy(String sql, String data) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(sql, new StringReader(data));
            connection.commit();
            return seconds(started);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
