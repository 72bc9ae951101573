package dk.selvbetjening.portal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.catalina.Valve;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Requests to the application's real Tomcat on loopback (a {@code RANDOM_PORT} test), redirects not followed and the
 * body as it came over the wire (java.net.http decompresses nothing).
 */
record LoopbackClient(int port, HttpClient http) {

    /** Headers that differ between any two responses, or that the application adds behind the valves. */
    static final Set<String> PER_RESPONSE = Set.of("date", "x-request-id", "keep-alive", "connection");

    LoopbackClient(int port) {
        this(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** A GET of {@code path} with the headers given as name, value, name, value... */
    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A response's headers without {@link #PER_RESPONSE}: what two answers of the same page must share. */
    static Map<String, List<String>> comparableHeaders(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.keySet().removeAll(PER_RESPONSE);
        return headers;
    }

    /** The valves of the application's Tomcat engine, in order. */
    static Valve[] engineValves(ServletWebServerApplicationContext context) {
        return ((TomcatWebServer) context.getWebServer()).getTomcat().getEngine().getPipeline().getValves();
    }
}
