package dk.selvbetjening.municipallink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
import dk.selvbetjening.linkhealth.WithoutLinkWatching;
import dk.selvbetjening.shared.ActingAsSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CSV import benchmark (bench/csv-import/run.sh, not part of the test suite): 100,000 municipal links
 * imported from one CSV file through {@link MunicipalLinkService#importCsv} on PostgreSQL, against PostgreSQL's
 * own COPY of the same rows measured in the same run; {@value #RUNS} runs (BENCH_RUNS), medians. Writes its result
 * to bench/csv-import/RESULTS.md.
 *
 * <p>The registration of the changed links with the link checker, which follows the import's commit
 * ({@code linkhealth.LinkWatching}), is left out ({@link WithoutLinkWatching}): it is the link checker's work, not the
 * import's, and is measured by bench/linkcheck.
 */
@SpringBootTest(properties = {"spring.jpa.properties.hibernate.generate_statistics=false",
        "logging.level.dk.selvbetjening=WARN", "selvbetjening.demo.enabled=false"})
@ActingAsSystem
@WithoutLinkWatching
@EnabledIfEnvironmentVariable(named = "BENCH_DB_URL", matches = ".+")
class MunicipalLinkImportBenchmark {

    static final int ROWS = 100_000;
    static final int RUNS = 3;
    static final double GOAL = 0.25;
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
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** One measured step: its wall time and the share of the machine's CPU others used meanwhile. */
    private record Timed(double seconds, double otherLoad) {
    }

    /** The steps of one run. */
    private record Run(Timed insert, Timed update, Timed check, Timed copy, Timed rawCopy) {

        double insertRatio() {
            return copy.seconds() / insert.seconds();
        }

        double updateRatio() {
            return copy.seconds() / update.seconds();
        }

        double checkRatio() {
            return copy.seconds() / check.seconds();
        }
    }

    @Test
    void importsAHundredThousandRowsAndComparesWithCopy() throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("BENCH_RUNS", Integer.toString(RUNS)));
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
        jdbc.sql("CREATE TABLE municipal_link_copy (LIKE municipal_link INCLUDING ALL)").update();
        jdbc.sql("CREATE TABLE municipal_link_csv (kommunekode TEXT, kommune TEXT, selvbetjening TEXT, navn TEXT, "
                + "titel TEXT, url TEXT, status TEXT, senest_tjekket TEXT, ny_url TEXT)").update();

        // The file an editor would upload: the export of every link, "Ny URL" filled in on the first 100,000 rows.
        byte[] insertFile = filledExport("https://bench.example.dk/ny/");
        int fileRows = new String(insertFile, StandardCharsets.UTF_8).split("\r\n").length - 1;
        assertThat(fileRows).isEqualTo(ROWS);
        Map<String, UUID> ids = new HashMap<>();
        services.published().forEach(s -> ids.put(s.slug(), s.id()));
        String copyRows = copyRows(insertFile, ids);
        String rawRows = new String(insertFile, StandardCharsets.UTF_8);

        byte[] updateFile = null;
        byte[] invalidFile = null;
        List<Run> measured = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            jdbc.sql("TRUNCATE municipal_link, municipal_link_copy, municipal_link_csv").update();
            jdbc.sql("ANALYZE municipal_link").update();

            Timed insert = timed(() -> {
                ImportReport inserted = accounts.runAs(editor, () -> links.importCsv(insertFile, false));
                assertThat(inserted.changed()).isEqualTo(ROWS);
                assertThat(inserted.errors()).isEmpty();
            });
            if (updateFile == null) {
                updateFile = filledExport("https://bench.example.dk/rettet/");
                invalidFile = withOneBadRow(updateFile);
            }
            byte[] changes = updateFile;
            Timed update = timed(() -> {
                ImportReport updated = accounts.runAs(editor, () -> links.importCsv(changes, false));
                assertThat(updated.changed()).isEqualTo(ROWS);
            });
            byte[] invalid = invalidFile;
            Timed check = timed(() -> {
                ImportReport refused = accounts.runAs(editor, () -> links.importCsv(invalid, false));
                assertThat(refused.applied()).isFalse();
                assertThat(refused.invalid()).isEqualTo(1);
            });
            // PostgreSQL's COPY of the same 100,000 rows: into an equivalent table (same columns, key, unique
            // constraint, index and checks, ids and self-service ids resolved beforehand), and the raw file into a
            // staging table.
            Timed copy = timed(() -> copy("COPY municipal_link_copy (id, self_service_id, municipality_code, url, "
                    + "title, updated_at, version, broken, last_checked_at) FROM STDIN (FORMAT csv)", copyRows));
            Timed rawCopy = timed(() -> copy("COPY municipal_link_csv FROM STDIN (FORMAT csv, HEADER true, "
                    + "DELIMITER ';')", rawRows));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM municipal_link_copy").query(Long.class).single()).isEqualTo(ROWS);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM municipal_link_csv").query(Long.class).single()).isEqualTo(ROWS);
            Run result = new Run(insert, update, check, copy, rawCopy);
            measured.add(result);
            System.out.printf(Locale.ROOT, "run %d: insert %.2f s, update %.2f s, check %.2f s, COPY %.2f s, raw COPY "
                    + "%.2f s; COPY/insert %.3f, COPY/update %.3f%n", run, insert.seconds(), update.seconds(),
                    check.seconds(), copy.seconds(), rawCopy.seconds(), result.insertRatio(), result.updateRatio());
        }

        String postgres = jdbc.sql("SELECT version()").query(String.class).single();
        double insertRatio = median(measured, Run::insertRatio);
        double updateRatio = median(measured, Run::updateRatio);
        double maxOther = measured.stream().flatMap(r -> java.util.stream.Stream.of(r.insert(), r.update(), r.check(),
                r.copy(), r.rawCopy())).mapToDouble(Timed::otherLoad).max().orElse(0);
        String result = """
                ## CSV import of municipal links (bench/csv-import)

                Generated by `bench/csv-import/run.sh` on %s. %,d rows (%d published municipal self-services × 98 \
                municipalities, cut at %,d), one %.1f MB CSV file as exported (UTF-8 with BOM, semicolons, CRLF) with \
                "Ny URL" filled in on every row, imported as an EDITOR through `MunicipalLinkService.importCsv` on \
                %s, Java %s, %d cores; against PostgreSQL's `COPY` of the same rows in the same run. %d runs, each on \
                an emptied table; the figures are medians (the runs in brackets), wall times. Setting up the \
                self-services took %.1f s and is not counted.

                The issue's goal: the import at **at least %.2f× the speed of `COPY`** into the equivalent table \
                (`COPY`'s time divided by the import's). New links: **%.3f** (%s); the same links changed: **%.3f** \
                (%s).

                | what | wall time | rows/s | speed vs `COPY` | other load |
                |---|---:|---:|---:|---:|
                | our import, 100,000 new links (parse, check every row, `COPY` into a staging table, one `INSERT … SELECT`, audit, events, commit) | %s | %,.0f | %s | %s |
                | our import, the same 100,000 links changed (one `UPDATE … FROM` the staging table, with version check) | %s | %,.0f | %s | %s |
                | our import, checking only (one bad row, so nothing is written) | %s | %,.0f | %s | %s |
                | `COPY` of the same rows into an equivalent table (`LIKE municipal_link INCLUDING ALL`, ids resolved beforehand) | %s | %,.0f | 1 | %s |
                | `COPY` of the raw CSV file into a text staging table | %s | %,.0f | %s | %s |

                *Other load* is the share of the machine's CPU used during the step by neither this JVM nor the \
                PostgreSQL server (other processes): a few %% is normal; more slows the import and `COPY` alike, so \
                compare the ratios rather than the seconds.%s Left out: the registration of the changed links with \
                the link checker after the commit (`linkhealth.LinkWatching`, mocked here), which is the link \
                checker's work (bench/linkcheck).
                """.formatted(Instant.now().toString().substring(0, 10), ROWS, servicesNeeded, ROWS,
                insertFile.length / 1e6, postgres.replaceAll(" on .*", ""), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), runs, setupSeconds,
                GOAL, insertRatio, verdict(insertRatio), updateRatio, verdict(updateRatio),
                times(measured, Run::insert), ROWS / median(measured, r -> r.insert().seconds()),
                ratios(measured, Run::insertRatio), others(measured, Run::insert),
                times(measured, Run::update), ROWS / median(measured, r -> r.update().seconds()),
                ratios(measured, Run::updateRatio), others(measured, Run::update),
                times(measured, Run::check), ROWS / median(measured, r -> r.check().seconds()),
                ratios(measured, Run::checkRatio), others(measured, Run::check),
                times(measured, Run::copy), ROWS / median(measured, r -> r.copy().seconds()),
                others(measured, Run::copy),
                times(measured, Run::rawCopy), ROWS / median(measured, r -> r.rawCopy().seconds()),
                ratios(measured, r -> r.copy().seconds() / r.rawCopy().seconds()), others(measured, Run::rawCopy),
                maxOther > 10 ? " **Caution:** other processes took up to %.0f %% of the CPU during a step: a disturbed run; run it again on a quiet machine.".formatted(maxOther) : "");
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, result, StandardCharsets.UTF_8);
        System.out.println(result);
    }

    private static String verdict(double ratio) {
        return ratio >= GOAL ? "meets the goal" : "misses the goal";
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String times(List<Run> runs, java.util.function.Function<Run, Timed> step) {
        return String.format(Locale.ROOT, "%.2f s (%s)", median(runs, r -> step.apply(r).seconds()),
                String.join(", ", runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", step.apply(r).seconds())).toList()));
    }

    private static String ratios(List<Run> runs, java.util.function.ToDoubleFunction<Run> ratio) {
        return String.format(Locale.ROOT, "%.3f (%s)", median(runs, ratio),
                String.join(", ", runs.stream().map(r -> String.format(Locale.ROOT, "%.3f", ratio.applyAsDouble(r))).toList()));
    }

    private static String others(List<Run> runs, java.util.function.Function<Run, Timed> step) {
        return String.join(", ", runs.stream().map(r -> String.format(Locale.ROOT, "%.0f %%", step.apply(r).otherLoad())).toList());
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Timed timed(Step step) throws Exception {
        CpuTicks before = CpuTicks.now();
        long started = System.nanoTime();
        step.run();
        double elapsed = seconds(started);
        return new Timed(elapsed, CpuTicks.now().otherLoadSince(before));
    }

    /**
     * CPU ticks from /proc: the machine's busy and total, and those of this JVM and of the PostgreSQL server (the
     * postmaster BENCH_PG_PID and its children), to tell how much of the machine others used.
     */
    private record CpuTicks(long busy, long total, double ours) {

        static CpuTicks now() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long[] t = Arrays.stream(cpu).skip(1).mapToLong(Long::parseLong).toArray();
                long busy = t[0] + t[1] + t[2] + t[5] + t[6] + (t.length > 7 ? t[7] : 0);
                long total = busy + t[3] + t[4];
                double hz = Double.parseDouble(System.getenv().getOrDefault("BENCH_CLK_TCK", "100"));
                var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                double jvm = os.getProcessCpuTime() / 1e9 * hz;
                return new CpuTicks(busy, total, jvm + postgresTicks());
            } catch (IOException | RuntimeException e) {
                return new CpuTicks(0, 0, 0);
            }
        }

        private static long postgresTicks() throws IOException {
            String postmaster = System.getenv("BENCH_PG_PID");
            if (postmaster == null || postmaster.isBlank()) {
                return 0;
            }
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (proc.getFileName().toString().equals(postmaster.trim()) || f[1].equals(postmaster.trim())) {
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks;
        }

        double otherLoadSince(CpuTicks before) {
            long all = total - before.total;
            if (all <= 0 || before.total == 0) {
                return 0;
            }
            double others = (busy - before.busy) - (ours - before.ours);
            return Math.max(0, 100 * others / all);
        }
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

    private void copy(String sql, String data) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data));
            connection.commit();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
