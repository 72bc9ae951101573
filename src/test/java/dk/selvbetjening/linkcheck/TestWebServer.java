package dk.selvbetjening.linkcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;

/**
 * A web server on one loopback address (127.0.0.1, 127.0.0.2, …: Linux routes all of 127/8 to loopback) for the
 * link check's tests. It counts requests per path and the most requests under way at once (from arrival until the
 * answer starts going out), and notes when each started and the User-Agent it came with. Unknown paths are 404.
 */
final class TestWebServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body apart; without this, Nagle and delayed ACKs add 40 ms per request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Answers one request. */
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-web-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger underWay = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<Long> starts = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> userAgents = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> connections = ConcurrentHashMap.newKeySet();

    private TestWebServer(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    static TestWebServer start(String address) {
        try {
            return new TestWebServer(address);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on " + address, e);
        }
    }

    TestWebServer on(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    String url(String path) {
        return "http://" + host() + ":" + port() + path;
    }

    String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    int port() {
        return server.getAddress().getPort();
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    List<Long> startNanos() {
        synchronized (starts) {
            return List.copyOf(starts);
        }
    }

    /** Every request so far: when it started, its method, path and conditional headers. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests so far to {@code path}, as "METHOD" or "METHOD If-None-Match/If-Modified-Since" when conditional. */
    List<String> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path))
                .map(r -> r.method() + (r.ifNoneMatch() == null ? "" : " If-None-Match " + r.ifNoneMatch())
                        + (r.ifModifiedSince() == null ? "" : " If-Modified-Since " + r.ifModifiedSince()))
                .toList();
    }

    record Request(long startNanos, String method, String path, String ifNoneMatch, String ifModifiedSince) {
    }

    /** How many client connections requests came in on (distinct client addresses and ports). */
    int connections() {
        return connections.size();
    }

    List<String> userAgents() {
        synchronized (userAgents) {
            return List.copyOf(userAgents);
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        long now = System.nanoTime();
        starts.add(now);
        requests.add(new Request(now, exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since")));
        connections.add(String.valueOf(exchange.getRemoteAddress()));
        userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        mostAtOnce.accumulateAndGet(underWay.incrementAndGet(), Math::max);
        AtomicBoolean answered = new AtomicBoolean();
        Runnable answering = () -> {
            if (answered.compareAndSet(false, true)) {
                underWay.decrementAndGet();
            }
        };
        try {
            routes.getOrDefault(path, status(404, "<title>Not here</title>"))
                    .handle(new AnsweringExchange(exchange, answering));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        } finally {
            answering.run();
            exchange.close();
        }
    }

    /**
     * Counts a request as under way until its answer starts going out: once the client has the answer it may start
     * its next request, before this server's thread gets round to finishing the old one.
     */
    private static final class AnsweringExchange extends HttpExchange {

        private final HttpExchange exchange;
        private final Runnable answering;

        AnsweringExchange(HttpExchange exchange, Runnable answering) {
            this.exchange = exchange;
            this.answering = answering;
        }

        @Override
        public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
            answering.run();
            exchange.sendResponseHeaders(rCode, responseLength);
        }

        @Override
        public Headers getRequestHeaders() {
            return exchange.getRequestHeaders();
        }

        @Override
        public Headers getResponseHeaders() {
            return exchange.getResponseHeaders();
        }

        @Override
        public URI getRequestURI() {
            return exchange.getRequestURI();
        }

        @Override
        public String getRequestMethod() {
            return exchange.getRequestMethod();
        }

        @Override
        public HttpContext getHttpContext() {
            return exchange.getHttpContext();
        }

        @Override
        public void close() {
            exchange.close();
        }

        @Override
        public InputStream getRequestBody() {
            return exchange.getRequestBody();
        }

        @Override
        public OutputStream getResponseBody() {
            return exchange.getResponseBody();
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return exchange.getRemoteAddress();
        }

        @Override
        public int getResponseCode() {
            return exchange.getResponseCode();
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return exchange.getLocalAddress();
        }

        @Override
        public String getProtocol() {
            return exchange.getProtocol();
        }

        @Override
        public Object getAttribute(String name) {
            return exchange.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            exchange.setAttribute(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            exchange.setStreams(i, o);
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return exchange.getPrincipal();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- handlers

    static Handler page(String html) {
        return status(200, html);
    }

    static Handler status(int status, String html, String... headers) {
        return exchange -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        };
    }

    /**
     * A page with validators: 304 to a conditional request that matches them (If-None-Match, or If-Modified-Since
     * without it), else 200 with the ETag and Last-Modified (either may be null); HEAD gets the headers only.
     */
    static Handler validated(String etag, String lastModified, String html) {
        return exchange -> {
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            boolean unchanged = ifNoneMatch != null ? ifNoneMatch.equals(etag)
                    : ifModifiedSince != null && ifModifiedSince.equals(lastModified);
            if (etag != null) {
                exchange.getResponseHeaders().set("ETag", etag);
            }
            if (lastModified != null) {
                exchange.getResponseHeaders().set("Last-Modified", lastModified);
            }
            if (unchanged) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** Answers HEAD with {@code status} (405, say) and other methods with {@code then}. */
    static Handler headAnswered(int status, Handler then) {
        return exchange -> {
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                then.handle(exchange);
            }
        };
    }

    static Handler slow(Duration delay, Handler then) {
        return exchange -> {
            Thread.sleep(delay.toMillis());
            then.handle(exchange);
        };
    }

    static Handler redirect(int status, String location) {
        return status(status, "", "Location", location);
    }

    /** Answers with {@code first} the first {@code times} times, then with {@code then}. */
    static Handler firstTimes(int times, Handler first, Handler then) {
        AtomicInteger calls = new AtomicInteger();
        return exchange -> (calls.incrementAndGet() <= times ? first : then).handle(exchange);
    }

    /** A body that never ends (bounded at 10 s and 256 MB so the test can't run away); counts what it sent. */
    static Handler endless(AtomicLong bytesSent) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'a');
            byte[] head = "<html><head><title>Uendelig</title></head><body>".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(head, 0, chunk, 0, head.length);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            OutputStream out = exchange.getResponseBody();
            while (System.nanoTime() < deadline && bytesSent.get() < 256L * 1024 * 1024) {
                out.write(chunk);
                bytesSent.addAndGet(chunk.length);
            }
        };
    }

    /**
     * A misbehaving server on a raw socket: accepts connections and does with each what {@code behaviour} says.
     * Counts the connections it accepted.
     */
    static final class RawServer implements AutoCloseable {

        interface Behaviour {
            void serve(Socket socket) throws IOException, InterruptedException;
        }

        private final ServerSocket socket;
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-raw-server");
            thread.setDaemon(true);
            return thread;
        });

        RawServer(String address, Behaviour behaviour) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getByName(address));
            executor.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        accepted.incrementAndGet();
                        open.add(client);
                        executor.execute(() -> {
                            try {
                                behaviour.serve(client);
                            } catch (IOException | InterruptedException e) {
                                // the client went away or the test ended
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        /** Accepts and never answers. */
        static Behaviour silent() {
            return client -> Thread.sleep(TimeUnit.SECONDS.toMillis(30));
        }

        /** Sends headers, then one byte of body every 100 ms (for at most 30 s). */
        static Behaviour trickle() {
            return client -> {
                OutputStream out = client.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 300; i++) {
                    out.write('a');
                    out.flush();
                    Thread.sleep(100);
                }
            };
        }

        /** Answers in plain text, whatever the client says: a TLS client gets no handshake. */
        static Behaviour plainText() {
            return client -> {
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(1000);
            };
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket s : open) {
                    s.close();
                }
            }
            executor.shutdownNow();
        }
    }
}
