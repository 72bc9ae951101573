package dk.selvbetjening.shared.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, as every per-client limit counts it. Behind a trusted proxy the servlet container has
 * already put the real client's address in {@link HttpServletRequest#getRemoteAddr()} (Tomcat's RemoteIpValve,
 * {@code server.forward-headers-strategy=native}, trusting only {@code server.tomcat.remoteip.internal-proxies}); a
 * client the container does not trust is known by its own address, whatever X-Forwarded-For it sends.
 *
 * <p>An IPv4 address is the client as it is. An IPv6 address counts as its /64 network ("2001:db8:1:2::/64"): one
 * household or one machine usually has a whole /64, and could otherwise take a fresh address for every request.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 100;

    private ClientAddress() {
    }

    /** The client the request comes from. */
    public static String of(HttpServletRequest request) {
        return normalise(request.getRemoteAddr());
    }

    /**
     * An address as a client key: IPv4 unchanged, IPv6 (also in brackets or with a zone) as its /64 prefix, an
     * IPv4-mapped IPv6 address as the IPv4 address. Anything else (the container never gives it) unchanged, cut to
     * a reasonable length. Never looks anything up in DNS.
     */
    public static String normalise(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        if (text.indexOf(':') < 0 || !isIpv6Text(text)) {
            return cut(address.strip());
        }
        try {
            // In brackets InetAddress reads only an IPv6 literal and never asks DNS.
            InetAddress parsed = InetAddress.getByName("[" + text + "]");
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                return String.format("%x:%x:%x:%x::/64", group(bytes, 0), group(bytes, 2), group(bytes, 4),
                        group(bytes, 6));
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return cut(address.strip());
        }
    }

    private static boolean isIpv6Text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static int group(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }

    private static String cut(String text) {
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
