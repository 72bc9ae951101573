package dk.selvbetjening.portal.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests to the application's real Tomcat on loopback (a {@code RANDOM_PORT} test), redirects not followed and the
 * body as it came over the wire (java.net.http decompresses nothing).
 */
record LoopbackClient(int port, HttpClient http) {

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
}
