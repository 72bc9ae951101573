import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dk.selvbetjening.SelvbetjeningApplication;
import dk.selvbetjening.linkcheck.LinkCheckRun;
import dk.selvbetjening.linkcheck.LinkCheckService;
import dk.selvbetjening.linkcheck.UrlWatch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the portal's link check the way production does: the application (an in-memory H2 database with the real
 * migrations), every URL registered in one LinkCheckService.watchAll, then LinkCheckService.checkDue()
 * over all of them (the first check), then again the next day (the daily re-check: conditional requests, HEAD first),
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
                        "--spring.messages.basename=messages,i18n/linkcheck",
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
            long watchStart = System.nanoTime();
            links.watchAll(watches);
            Duration watching = Duration.ofNanos(System.nanoTime() - watchStart);

            StringBuilder json = new StringBuilder();
            json.append(String.format("{\"urls\":%d,\"startUpMillis\":%d,\"watchMillis\":%d", urls.size(),
                    startUp.toMillis(), watching.toMillis()));
            get(control + "/__reset");
            json.append(",\"first\":").append(pass(links.checkDue(), control));
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
