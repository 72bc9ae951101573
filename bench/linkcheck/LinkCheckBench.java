import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dk.selvbetjening.SelvbetjeningApplication;
import dk.selvbetjening.linkcheck.LinkCheckRun;
import dk.selvbetjening.linkcheck.LinkCheckService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the portal's link check the way the schedule does: the application (no web server, an in-memory H2 database
 * with the real migrations), every URL watched through LinkCheckService.watch, then one LinkCheckService.checkDue()
 * over all of them, results stored and UrlChecked published. Prints one JSON line with the times to RESULT_FILE.
 *
 * Run with the application's classpath:
 * java -cp CP LinkCheckBench.java URLS_FILE CONCURRENCY PER_HOST PER_HOST_INTERVAL RESULT_FILE
 */
public class LinkCheckBench {

    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        String concurrency = args[1];
        String perHost = args[2];
        String perHostInterval = args[3];

        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SelvbetjeningApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        // arguments, not default properties: they must win over application.properties
                        "--spring.datasource.url=jdbc:h2:mem:linkcheck-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--spring.messages.basename=messages,i18n/linkcheck",
                        "--selvbetjening.demo.enabled=false",
                        "--selvbetjening.linkcheck.enabled=false",
                        "--selvbetjening.linkcheck.allow-loopback=true",
                        "--selvbetjening.linkcheck.concurrency=" + concurrency,
                        "--selvbetjening.linkcheck.per-host-concurrency=" + perHost,
                        "--selvbetjening.linkcheck.per-host-interval=" + perHostInterval);
        try {
            Duration startUp = Duration.ofNanos(System.nanoTime() - started);
            LinkCheckService links = context.getBean(LinkCheckService.class);

            long watchStart = System.nanoTime();
            for (int i = 0; i < urls.size(); i++) {
                links.watch(urls.get(i), "bench:" + i);
            }
            Duration watching = Duration.ofNanos(System.nanoTime() - watchStart);

            LinkCheckRun run = links.checkDue();

            Files.writeString(Path.of(args[4]), String.format("{\"urls\":%d,\"checked\":%d,\"startUpMillis\":%d,\"watchMillis\":%d,\"checkMillis\":%d,"
                            + "\"ok\":%d,\"caution\":%d,\"broken\":%d,\"danger\":%d}%n",
                    urls.size(), run.checked(), startUp.toMillis(), watching.toMillis(), run.took().toMillis(),
                    count(run, "OK"), count(run, "CAUTION"), count(run, "BROKEN"), count(run, "DANGER")));
        } finally {
            context.close();
        }
    }

    private static int count(LinkCheckRun run, String outcome) {
        return run.outcomes().entrySet().stream().filter(e -> e.getKey().name().equals(outcome))
                .mapToInt(e -> e.getValue()).sum();
    }
}
