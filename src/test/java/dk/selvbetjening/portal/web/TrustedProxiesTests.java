package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dk.selvbetjening.shared.web.RequestId;
import org.apache.catalina.Globals;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TrustedProxies} against Tomcat's own {@link RemoteIpValve} with the same settings, on the same requests: the
 * same https and the same trust (which decides whether a request id is taken), for proxies given as CIDR blocks (the
 * application's setting) and as a regular expression (Tomcat's default), from a proxy, a trusted proxy and a client,
 * with and without forwarded headers.
 */
class TrustedProxiesTests {

    private static final Connector CONNECTOR = new Connector();

    /** What the fast paths' answers use of the request. */
    private record Seen(boolean secure, boolean trustedWithId) {

        static Seen of(Request request) {
            return new Seen(request.isSecure(), request.getHeader(RequestId.HEADER) != null
                    && Boolean.TRUE.equals(request.getAttribute(Globals.REQUEST_FORWARDED_ATTRIBUTE)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1/32, ::1/128", "10.0.4.10/32, 10.0.4.11/32", "10\\.0\\.4\\.\\d{1,3}|127\\.0\\.0\\.1"})
    void appliesWhatTheRemoteIpValveAppliesThatTheAnswersUse(String internalProxies) throws Exception {
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(internalProxies);
        valve.setTrustedProxies("192\\.168\\.7\\.\\d{1,3}");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setRemoteIpHeader("X-Forwarded-For");
        List<Seen> seenByValve = new ArrayList<>();
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request request, Response response) {
                seenByValve.add(Seen.of(request));
            }
        });
        TrustedProxies proxies = TrustedProxies.of(valve);
        int cases = 0;
        for (String address : List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "10.0.4.10", "10.0.4.12", "192.168.7.3",
                "203.0.113.9")) {
            for (String protocol : new String[] {null, "https", "HTTPS", "http", "https, https", "https, http", ""}) {
                for (String id : new String[] {null, "proxy-id-1"}) {
                    for (String forwardedFor : new String[] {null, "203.0.113.7", "203.0.113.7, 10.0.4.11"}) {
                        Request request = request(address, protocol, id, forwardedFor);
                        valve.invoke(request, null);
                        Request ours = request(address, protocol, id, forwardedFor);
                        proxies.apply(ours);
                        assertThat(Seen.of(ours)).as("%s %s %s %s", address, protocol, id, forwardedFor)
                                .isEqualTo(seenByValve.get(seenByValve.size() - 1));
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(6 * 7 * 2 * 3);
        assertThat(seenByValve).as("both outcomes occur").extracting(Seen::secure).contains(true, false);
        assertThat(seenByValve).extracting(Seen::trustedWithId).contains(true, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https", "http"})
    void withoutTheValveNothingChanges(String protocol) {
        Request request = request("127.0.0.1", protocol, "proxy-id-1", null);
        TrustedProxies.NONE.apply(request);
        assertThat(Seen.of(request)).isEqualTo(new Seen(false, false));
    }

    private static Request request(String address, String protocol, String id, String forwardedFor) {
        org.apache.coyote.Request coyote = new org.apache.coyote.Request();
        coyote.scheme().setString("http");
        coyote.serverName().setString("localhost");
        coyote.setServerPort(8080);
        coyote.setLocalPort(8080);
        Request request = new Request(CONNECTOR, coyote);
        request.setRemoteAddr(address);
        request.setRemoteHost(address);
        if (protocol != null) {
            coyote.getMimeHeaders().addValue("X-Forwarded-Proto").setString(protocol);
        }
        if (id != null) {
            coyote.getMimeHeaders().addValue(RequestId.HEADER).setString(id);
        }
        if (forwardedFor != null) {
            coyote.getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
        }
        return request;
    }
}
