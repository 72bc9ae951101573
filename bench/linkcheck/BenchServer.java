import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The link-check benchmark's web server: one listener per loopback address 127.0.0.1 .. 127.0.0.HOSTS, all on PORT
 * (loopback only; Linux routes all of 127/8 to lo). URL i is http://127.0.0.(1 + i % HOSTS):PORT/p/i; a fixed
 * pseudo-random 5 % of them answer slowly (1-2 s, every answer: GET, HEAD and 304 alike) and another 5 % fail (500 or
 * 404), spread evenly over the hosts. /index.html on 127.0.0.1 links all of them (for linkinator); the list is also
 * written to URLS_FILE.
 * <p>Good pages carry an ETag and a Last-Modified that stay the same from day to day, except for a fixed 2 % that
 * change every day (GET /__nextday starts the next day); HEAD is answered with the headers only, and a conditional
 * request (If-None-Match, or If-Modified-Since without it) for an unchanged page gets 304. GET /__cheap304?on=1 makes
 * 304 answers skip the slow pages' delay (a server that can tell "unchanged" without building the page).
 * <p>Counts requests under way per host (by the address the request came in on; from its arrival until its answer
 * starts going out) and the most ever seen, requests by method, 304 answers and the client connections seen
 * (distinct client ports): GET /__stats on 127.0.0.1 shows them, GET /__reset clears them. GET /__slow shows the slow
 * pages' delays (count, total and largest in ms, largest total on one host). Exits by itself after 60 minutes.
 *
 * Run: java -Dsun.net.httpserver.nodelay=true BenchServer.java PORT HOSTS URLS URLS_FILE
 */
public class BenchServer {

    static int hosts;
    static int urls;
    static int port;
    static AtomicIntegerArray underWay;
    static AtomicIntegerArray mostAtOnce;
    static final AtomicLong requests = new AtomicLong();
    static final AtomicLong gets = new AtomicLong();
    static final AtomicLong heads = new AtomicLong();
    static final AtomicLong notModified = new AtomicLong();
    static final Set<String> connections = ConcurrentHashMap.newKeySet();
    static final AtomicInteger day = new AtomicInteger();
    static volatile boolean cheap304;
    static final ZonedDateTime FIRST_DAY = ZonedDateTime.of(2026, 3, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        port = Integer.parseInt(args[0]);
        hosts = Integer.parseInt(args[1]);
        urls = Integer.parseInt(args[2]);
        Path urlsFile = Path.of(args[3]);
        underWay = new AtomicIntegerArray(hosts + 1);
        mostAtOnce = new AtomicIntegerArray(hosts + 1);

        List<String> list = new ArrayList<>(urls);
        for (int i = 0; i < urls; i++) {
            list.add(url(i));
        }
        Files.write(urlsFile, list);

        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bench-server");
            thread.setDaemon(true);
            return thread;
        });
        for (int h = 1; h <= hosts; h++) {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0." + h), port), 1024);
            int host = h;
            server.createContext("/", exchange -> handle(host, exchange));
            server.setExecutor(executor);
            server.start();
        }
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(60 * 60 * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("lifetime over, exiting");
            System.exit(0);
        });
        stopper.setDaemon(true);
        stopper.start();
        System.out.println("ready " + hosts + " hosts, " + urls + " URLs on port " + port);
    }

    static String url(int i) {
        return "http://127.0.0." + (1 + i % hosts) + ":" + port + "/p/" + i;
    }

    /** A fixed pseudo-random number per URL, so the same URLs are slow or failing in every run. */
    static long mix(int i) {
        long x = i * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return x & Long.MAX_VALUE;
    }

    static void handle(int host, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/__stats")) {
                int most = 0;
                StringBuilder byHost = new StringBuilder();
                for (int h = 1; h <= hosts; h++) {
                    most = Math.max(most, mostAtOnce.get(h));
                    byHost.append(h == 1 ? "" : ",").append(mostAtOnce.get(h));
                }
                send(exchange, 200, "application/json", "{\"requests\":" + requests.get() + ",\"gets\":" + gets.get()
                        + ",\"heads\":" + heads.get() + ",\"notModified\":" + notModified.get() + ",\"connections\":"
                        + connections.size() + ",\"perHostMax\":" + most + ",\"perHostMaxByHost\":[" + byHost + "]}");
                return;
            }
            if (path.equals("/__slow")) {
                long count = 0;
                long total = 0;
                long largest = 0;
                long[] byHost = new long[hosts + 1];
                for (int i = 0; i < urls; i++) {
                    long delay = delayMillis(i);
                    if (delay > 0) {
                        count++;
                        total += delay;
                        largest = Math.max(largest, delay);
                        byHost[1 + i % hosts] += delay;
                    }
                }
                long hostMost = 0;
                for (long t : byHost) {
                    hostMost = Math.max(hostMost, t);
                }
                send(exchange, 200, "application/json", "{\"count\":" + count + ",\"totalMillis\":" + total
                        + ",\"largestMillis\":" + largest + ",\"largestHostTotalMillis\":" + hostMost + "}");
                return;
            }
            if (path.equals("/__nextday")) {
                send(exchange, 200, "text/plain", "day " + day.incrementAndGet());
                return;
            }
            if (path.equals("/__cheap304")) {
                cheap304 = "on=1".equals(exchange.getRequestURI().getQuery());
                send(exchange, 200, "text/plain", "cheap304 " + cheap304);
                return;
            }
            if (path.equals("/__reset")) {
                for (int h = 0; h <= hosts; h++) {
                    mostAtOnce.set(h, 0);
                }
                requests.set(0);
                gets.set(0);
                heads.set(0);
                notModified.set(0);
                connections.clear();
                send(exchange, 200, "text/plain", "reset");
                return;
            }
            if (path.equals("/index.html")) {
                StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Links</title></head><body>");
                for (int i = 0; i < urls; i++) {
                    html.append("<a href=\"").append(url(i)).append("\">").append(i).append("</a>\n");
                }
                send(exchange, 200, "text/html; charset=utf-8", html.append("</body></html>").toString());
                return;
            }
            requests.incrementAndGet();
            (exchange.getRequestMethod().equals("HEAD") ? heads : gets).incrementAndGet();
            connections.add(String.valueOf(exchange.getRemoteAddress()));
            int now = underWay.incrementAndGet(host);
            mostAtOnce.accumulateAndGet(host, now, Math::max);
            boolean answered = false;
            try {
                int i = path.startsWith("/p/") ? Integer.parseInt(path.substring(3)) : -1;
                long r = i < 0 || i >= urls ? 0 : mix(i);
                int bucket = (int) (r % 100);
                boolean good = i >= 0 && i < urls && (bucket < 5 || bucket >= 10);
                String etag = good ? etag(i, bucket) : null;
                String lastModified = good ? lastModified(bucket) : null;
                boolean unchanged = good && unchanged(exchange, etag, lastModified);
                if (delayMillis(i) > 0 && !(unchanged && cheap304)) {
                    Thread.sleep(delayMillis(i));
                }
                // counted until the answer starts going out: once the client has it, it may start its next request
                underWay.decrementAndGet(host);
                answered = true;
                if (i < 0 || i >= urls) {
                    send(exchange, 404, "text/html; charset=utf-8", "<title>Not found</title>");
                } else if (bucket >= 5 && bucket < 10) {
                    boolean serverError = (r / 100) % 2 == 0;
                    send(exchange, serverError ? 500 : 404, "text/html; charset=utf-8",
                            serverError ? "<title>Server error</title>" : "<title>Not found</title>");
                } else if (unchanged) {
                    notModified.incrementAndGet();
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.getResponseHeaders().set("Last-Modified", lastModified);
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().set("ETag", etag);
                    exchange.getResponseHeaders().set("Last-Modified", lastModified);
                    send(exchange, 200, "text/html; charset=utf-8", page(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (!answered) {
                    underWay.decrementAndGet(host);
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            exchange.close();
        }
    }

    /** How long URL i takes to answer: 1-2 s for the slow 5 %, else 0. */
    static long delayMillis(int i) {
        if (i < 0 || i >= urls) {
            return 0;
        }
        long r = mix(i);
        return r % 100 < 5 ? 1000 + (r / 100) % 1000 : 0;
    }

    /** The page's ETag: the same every day, except for the 2 % of pages that change daily. */
    static String etag(int i, int bucket) {
        return "\"p" + i + (bucket >= 10 && bucket < 12 ? "-d" + day.get() : "") + "\"";
    }

    /** The page's Last-Modified: the first day, except for the pages that change daily. */
    static String lastModified(int bucket) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                bucket >= 10 && bucket < 12 ? FIRST_DAY.plusDays(day.get()) : FIRST_DAY);
    }

    /** A conditional request for an unchanged page: If-None-Match matches, or only If-Modified-Since is sent. */
    static boolean unchanged(HttpExchange exchange, String etag, String lastModified) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String c = candidate.strip();
                if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        return lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
    }

    static String page(int i) {
        return "<!doctype html><html lang=\"da\"><head><title>Selvbetjening " + i + "</title></head><body><h1>Side "
                + i + "</h1><p>" + "Indhold. ".repeat(40) + "</p></body></html>";
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
