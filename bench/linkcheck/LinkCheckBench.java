import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.SelvbetjeningApplication;
import dk.selvbetjening.linkcheck.LinkCheckRun;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.LinkOutcome;
import dk.selvbetjening.linkcheck.UrlWatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the portal's link check the way production does: the application (an in-memory H2 database with the real
 * migrations), every URL registered in one LinkCheckService.watchAll on a thread of its own while
 * LinkCheckService.checkDue() is started as soon as there is something due (the first check: its run takes in the URLs
 * registered while it goes; the whole job ends when all are checked), then again the next day (the daily re-check: conditional requests, HEAD first),
 * and once more on a day the server answers 304 without the slow pages' delay. Results stored and UrlChecked
 * published as always. Between passes it asks the bench server (CONTROL_URL) for its counts and starts its next day.
 * Writes one JSON object with the times and counts to RESULT_FILE.
 *
 * <p>The interval is set to 2 ms (so every URL checked in one pass is due in the next, as it is a day later in
 * production) and the schedule is off: the passes are started here.
 *
 * Run with the application's classpath:
 * java -cp CP LinkCheckBench.java URLS_FILE CONCURRENCY PER_HOST PER_HOST_INTERVAL RESULT_FILE CONTROL_URL
 */
public class LinkCheckBench {

    private static final HttpClient CONTROL = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        String concurrency = args[1];
        String perHost = args[2];
        String perHostInterval = args[3];
        String control = args[5];

        long started = System.nanoTime();
        // the whole application as production starts it (its security configuration needs the web server), on a
        // free loopback port that nothing requests
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SelvbetjeningApplication.class)
                .run(
                        // arguments, not default properties: they must win over application.properties
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=jdbc:h2:mem:linkcheck-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--selvbetjening.demo.enabled=false",
                        "--selvbetjening.linkcheck.enabled=false",
                        "--selvbetjening.linkcheck.interval=PT0.002S",
                        "--selvbetjening.linkcheck.allow-loopback=true",
                        "--selvbetjening.linkcheck.concurrency=" + concurrency,
                        "--selvbetjening.linkcheck.per-host-concurrency=" + perHost,
                        "--selvbetjening.linkcheck.per-host-interval=" + perHostInterval);
        try {
            Duration startUp = Duration.ofNanos(System.nanoTime() - started);
            LinkCheckService links = context.getBean(LinkCheckService.class);

            List<UrlWatch> watches = new ArrayList<>(urls.size());
            for (int i = 0; i < urls.size(); i++) {
                watches.add(new UrlWatch(urls.get(i), "bench:" + i));
            }
            get(control + "/__reset");
            // the whole job: registering, and the check starting as soon as there is something to check (as the
            // schedule does when it fires), taking in the URLs registered while it goes
            long watchStart = System.nanoTime();
            long[] watchEnd = new long[1];
            Throwable[] watchFailure = new Throwable[1];
            Thread registering = new Thread(() -> {
                try {
                    links.watchAll(watches);
                } catch (Throwable e) {
                    watchFailure[0] = e;
                } finally {
                    watchEnd[0] = System.nanoTime();
                }
            }, "bench-registering");
            registering.start();
            LinkCheckRun first = null;
            Map<LinkOutcome, Integer> outcomes = new HashMap<>();
            int checked = 0;
            int runs = 0;
            long emptyRuns = 0;
            long firstRunStart = 0;
            while (checked < urls.size()) {
                boolean registered = !registering.isAlive();
                long runStart = System.nanoTime();
                LinkCheckRun run = links.checkDue();
                if (run.checked() == 0) {
                    if (registered) {
                        throw new IllegalStateException("Only " + checked + " of " + urls.size() + " checked",
                                watchFailure[0]);
                    }
                    emptyRuns++;
                    Thread.sleep(1);
                    continue;
                }
                if (first == null) {
                    first = run;
                    firstRunStart = runStart;
                }
                checked += run.checked();
                run.outcomes().forEach((outcome, n) -> outcomes.merge(outcome, n, Integer::sum));
                runs++;
            }
            long jobEnd = System.nanoTime();
            registering.join();
            if (watchFailure[0] != null) {
                throw new IllegalStateException("Registering failed", watchFailure[0]);
            }
            Duration watching = Duration.ofNanos(watchEnd[0] - watchStart);

            StringBuilder json = new StringBuilder();
            json.append(String.format("{\"urls\":%d,\"startUpMillis\":%d,\"watchMillis\":%d,\"jobMillis\":%d,"
                            + "\"checkStartedAfterMillis\":%d,\"checkRuns\":%d,\"emptyRuns\":%d", urls.size(),
                    startUp.toMillis(), watching.toMillis(), (jobEnd - watchStart) / 1_000_000,
                    (firstRunStart - watchStart) / 1_000_000, runs, emptyRuns));
            json.append(",\"first\":").append(pass(new LinkCheckRun(true, checked, checked, outcomes,
                    Duration.ofNanos(jobEnd - firstRunStart)), control));
            get(control + "/__nextday");
            get(control + "/__reset");
            json.append(",\"recheck\":").append(pass(links.checkDue(), control));
            get(control + "/__nextday");
            get(control + "/__cheap304?on=1");
            get(control + "/__reset");
            json.append(",\"recheckCheap304\":").append(pass(links.checkDue(), control));
            get(control + "/__cheap304?on=0");
            Files.writeString(Path.of(args[4]), json.append("}\n").toString());
        } finally {
            context.close();
        }
    }

    private static String pass(LinkCheckRun run, String control) throws Exception {
        return String.format("{\"checked\":%d,\"checkMillis\":%d,\"ok\":%d,\"caution\":%d,\"broken\":%d,\"danger\":%d,"
                        + "\"server\":%s}", run.checked(), run.took().toMillis(), count(run, "OK"),
                count(run, "CAUTION"), count(run, "BROKEN"), count(run, "DANGER"), get(control + "/__stats"));
    }

    private static String get(String url) throws Exception {
        return CONTROL.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int count(LinkCheckRun run, String outcome) {
        return run.outcomes().entrySet().stream().filter(e -> e.getKey().name().equals(outcome))
                .mapToInt(e -> e.getValue()).sum();
    }
}
