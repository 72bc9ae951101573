import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * The floor under the app's start redirect in bench/read-path: the same embedded Tomcat (the jar's own
 * tomcat-embed-core, the app's connector settings) answering every request with a constant 303 and the same headers
 * the app's start redirect sends, from a valve of its engine, with no application behind it. What this costs per
 * request, Tomcat costs, whatever the application does.
 *
 * Usage: java -cp tomcat-embed-core.jar TomcatFloor.java PORT LOCATION MAX_KEEP_ALIVE_REQUESTS
 */
public class TomcatFloor {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[][] headers = {
                ascii("Set-Cookie"), ascii("kommunekode-fra-link=101; Path=/; HttpOnly; SameSite=Lax"),
                ascii("X-Request-Id"), ascii("0f1e2d3c4b5a6978"),
                ascii("Cache-Control"), ascii("no-cache, no-store, max-age=0, must-revalidate"),
                ascii("Location"), ascii(args[1])};
        Path base = Files.createTempDirectory("tomcat-floor");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxKeepAliveRequests", args[2]);
        tomcat.setConnector(connector);
        tomcat.addContext("", base.toString());
        tomcat.getEngine().getPipeline().addValve(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) {
                response.setStatus(303);
                MimeHeaders mime = response.getCoyoteResponse().getMimeHeaders();
                for (int i = 0; i < headers.length; i += 2) {
                    mime.addValue(headers[i], 0, headers[i].length).setBytes(headers[i + 1], 0, headers[i + 1].length);
                }
            }
        });
        tomcat.start();
        tomcat.getServer().await();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
