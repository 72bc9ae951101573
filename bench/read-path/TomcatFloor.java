import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The floor under the app's start redirect and its gzip action page in bench/read-path: the same embedded Tomcat (the
 * jar's own tomcat-embed-core, the app's connector settings: keep-alive limit, compression on for the same types)
 * answering, from a valve of its engine with no application behind it, every request for a path ending in /start with
 * a constant 303 and the headers the app's start redirect sends, and every other request with the app's gzip bytes of
 * the action page and the headers the app sends with them (read from the app's own response). Headers go to Tomcat as
 * bytes encoded once and the Date as bytes once per second, as the app's valves do. What this costs per request,
 * Tomcat costs, whatever the application does.
 *
 * Usage: java -cp tomcat-embed-core.jar TomcatFloor.java PORT LOCATION MAX_KEEP_ALIVE_REQUESTS [BODY HEADERS]
 * BODY: the gzip bytes; HEADERS: the app's response headers with them ("Name: value" lines, as curl -D writes them;
 * the status line, Date and Content-Length are left out, Tomcat's own; X-Request-Id gets a constant of the same form).
 */
public class TomcatFloor {

    private static final byte[] DATE = ascii("Date");
    private static final byte[] REQUEST_ID = ascii("0f1e2d3c4b5a6978");
    private static volatile Object[] date = {"", new byte[0]};

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[][] start = {
                ascii("Set-Cookie"), ascii("kommunekode-fra-link=101; Path=/; HttpOnly; SameSite=Lax"),
                ascii("X-Request-Id"), REQUEST_ID,
                ascii("Cache-Control"), ascii("no-cache, no-store, max-age=0, must-revalidate"),
                ascii("Location"), ascii(args[1])};
        byte[] body = args.length > 3 ? Files.readAllBytes(Path.of(args[3])) : new byte[0];
        byte[][] page = args.length > 4 ? headers(Files.readAllLines(Path.of(args[4]), StandardCharsets.ISO_8859_1))
                : new byte[0][];
        Path base = Files.createTempDirectory("tomcat-floor");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxKeepAliveRequests", args[2]);
        // the app's server.compression settings (application.properties), which production needs for the pages it
        // renders per request: Tomcat looks at every response to decide whether to compress it
        connector.setProperty("compression", "on");
        connector.setProperty("compressibleMimeType",
                "text/html,text/css,application/javascript,application/json,application/problem+json");
        tomcat.setConnector(connector);
        tomcat.addContext("", base.toString());
        tomcat.getEngine().getPipeline().addValve(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws java.io.IOException {
                MimeHeaders mime = response.getCoyoteResponse().getMimeHeaders();
                if (request.getRequestURI().endsWith("/start")) {
                    response.setStatus(303);
                    add(mime, start);
                    addDate(mime);
                } else {
                    response.setStatus(200);
                    add(mime, page);
                    addDate(mime);
                    response.setContentLength(body.length);
                    response.getOutputStream().write(body);
                }
            }
        });
        tomcat.start();
        tomcat.getServer().await();
    }

    private static void add(MimeHeaders mime, byte[][] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            mime.addValue(headers[i], 0, headers[i].length).setBytes(headers[i + 1], 0, headers[i + 1].length);
        }
    }

    private static void addDate(MimeHeaders mime) {
        String now = FastHttpDateFormat.getCurrentDate();
        Object[] current = date;
        if (!current[0].equals(now)) {
            current = new Object[] {now, ascii(now)};
            date = current;
        }
        byte[] bytes = (byte[]) current[1];
        mime.addValue(DATE, 0, DATE.length).setBytes(bytes, 0, bytes.length);
    }

    private static byte[][] headers(List<String> lines) {
        List<byte[]> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Date") || name.equalsIgnoreCase("Content-Length")) {
                continue;
            }
            headers.add(ascii(name));
            headers.add(name.equalsIgnoreCase("X-Request-Id") ? REQUEST_ID : value.getBytes(StandardCharsets.ISO_8859_1));
        }
        return headers.toArray(new byte[0][]);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
