package dk.selvbetjening.portal.web;

import java.net.UnknownHostException;
import java.util.regex.Pattern;

import dk.selvbetjening.shared.web.RequestId;
import org.apache.catalina.Globals;
import org.apache.catalina.connector.Request;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.buf.StringUtils;

/**
 * What Tomcat's {@link RemoteIpValve} ({@code server.forward-headers-strategy=native}, the proxies of
 * {@code server.tomcat.remoteip.internal-proxies}) makes of a request, as far as the citizen fast paths' answers depend
 * on it, for those paths answering in a valve ahead of it ({@link CachedCitizenPageConfiguration}): https as a trusted
 * proxy reports it ({@code X-Forwarded-Proto}: HSTS, the cookie's {@code Secure}), and that a trusted proxy sent the
 * request (its {@code X-Request-Id} is then taken, {@link RequestId}). The rest of what that valve does — the client's
 * address from {@code X-Forwarded-For}, host and port, the attributes for an access log — these answers do not use.
 * The same rules as the valve's, from the valve's own settings: a test compares both on the same requests.
 */
final class TrustedProxies {

    /** For a valve behind the RemoteIpValve, or without one: the request is left as it is. */
    static final TrustedProxies NONE = new TrustedProxies(null, null, null, null);

    private final Matcher internal;
    private final Matcher trusted;
    private final String protocolHeader;
    private final String httpsValue;

    private TrustedProxies(Matcher internal, Matcher trusted, String protocolHeader, String httpsValue) {
        this.internal = internal;
        this.trusted = trusted;
        this.protocolHeader = protocolHeader;
        this.httpsValue = httpsValue;
    }

    /** The rules of {@code valve}, as it was configured. */
    static TrustedProxies of(RemoteIpValve valve) {
        return new TrustedProxies(Matcher.of(valve.getInternalProxies()), Matcher.of(valve.getTrustedProxies()),
                valve.getProtocolHeader(), valve.getProtocolHeaderHttpsValue());
    }

    /**
     * Sets on the request what the RemoteIpValve would set and the answers use: https from the protocol header, and
     * {@link Globals#REQUEST_FORWARDED_ATTRIBUTE}, when a trusted proxy sent it. Without a protocol header or a request
     * id, nothing the answers use would change: the proxy is then not even looked up.
     */
    void apply(Request request) {
        if (this == NONE) {
            return;
        }
        String protocol = protocolHeader == null ? null : request.getHeader(protocolHeader);
        if (protocol == null && request.getHeader(RequestId.HEADER) == null) {
            return;
        }
        String address = request.getRemoteAddr();
        if (!Matcher.matches(internal, address) && !Matcher.matches(trusted, address)) {
            return;
        }
        request.setAttribute(Globals.REQUEST_FORWARDED_ATTRIBUTE, Boolean.TRUE);
        if (protocol != null) {
            request.setSecure(secure(protocol));
        }
    }

    /** As the valve: secure when every value of the header (a comma separated list) is the https value. */
    private boolean secure(String protocol) {
        if (protocol.indexOf(',') < 0) {
            return httpsValue.equalsIgnoreCase(protocol);
        }
        String[] protocols = StringUtils.splitCommaSeparated(protocol);
        if (protocols.length == 0) {
            return false;
        }
        for (String each : protocols) {
            if (!httpsValue.equalsIgnoreCase(each)) {
                return false;
            }
        }
        return true;
    }

    /** A list of proxies as the valve reads it: CIDR blocks when it holds a '/', else a regular expression. */
    private record Matcher(Pattern regex, NetMaskSet cidr) {

        static Matcher of(String proxies) {
            if (proxies == null || proxies.isEmpty()) {
                return null;
            }
            return proxies.indexOf('/') > 0 ? new Matcher(null, NetMaskSet.parse(proxies))
                    : new Matcher(Pattern.compile(proxies), null);
        }

        static boolean matches(Matcher matcher, String address) {
            if (matcher == null || address == null) {
                return false;
            }
            if (matcher.regex() != null) {
                return matcher.regex().matcher(address).matches();
            }
            try {
                return matcher.cidr().contains(address);
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
