package dk.selvbetjening.linkcheck;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses the link check may connect to: public unicast addresses only. Refuses private, loopback,
 * link-local, multicast, unspecified, shared (100.64/10), documentation, benchmarking and reserved IPv4 ranges, and
 * for IPv6 the same plus unique-local (fc00::/7), site-local, IPv4-compatible, and the IPv4 address inside
 * IPv4-mapped, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses. With {@code allowLoopback} (tests), loopback is
 * allowed and nothing else more.
 */
final class AddressPolicy {

    private final boolean allowLoopback;

    AddressPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    boolean allows(InetAddress address) {
        if (address instanceof Inet4Address) {
            return allowsIpv4(address.getAddress());
        }
        if (address instanceof Inet6Address) {
            return allowsIpv6(address.getAddress());
        }
        return false;
    }

    private boolean allowsIpv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 127) {
            return allowLoopback;
        }
        return !(b0 == 0                                   // "this network", 0.0.0.0
                || b0 == 10                                // private
                || b0 == 100 && b1 >= 64 && b1 <= 127      // shared address space (carrier-grade NAT)
                || b0 == 169 && b1 == 254                  // link-local (cloud metadata)
                || b0 == 172 && b1 >= 16 && b1 <= 31       // private
                || b0 == 192 && b1 == 0 && b2 == 0         // IETF protocol assignments
                || b0 == 192 && b1 == 0 && b2 == 2         // TEST-NET-1
                || b0 == 192 && b1 == 88 && b2 == 99       // 6to4 relay anycast
                || b0 == 192 && b1 == 168                  // private
                || b0 == 198 && (b1 == 18 || b1 == 19)     // benchmarking
                || b0 == 198 && b1 == 51 && b2 == 100      // TEST-NET-2
                || b0 == 203 && b1 == 0 && b2 == 113       // TEST-NET-3
                || b0 >= 224);                             // multicast, reserved, broadcast
    }

    private boolean allowsIpv6(byte[] a) {
        if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return allowsIpv4(slice(a, 12));               // IPv4-mapped ::ffff:a.b.c.d
        }
        if (isZero(a, 0, 15) && a[15] == 1) {
            return allowLoopback;                          // ::1
        }
        if (isZero(a, 0, 12)) {
            return false;                                  // ::, IPv4-compatible ::a.b.c.d
        }
        int w0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int w1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        if (w0 == 0x64 && w1 == 0xff9b && isZero(a, 4, 12)) {
            return allowsIpv4(slice(a, 12));               // NAT64 64:ff9b::a.b.c.d
        }
        if (w0 == 0x2002) {
            return allowsIpv4(slice(a, 2));                // 6to4 2002:aabb:ccdd::
        }
        return !((a[0] & 0xfe) == 0xfc                     // unique local fc00::/7
                || (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80   // link-local fe80::/10
                || (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0   // site-local fec0::/10 (deprecated)
                || (a[0] & 0xff) == 0xff                   // multicast
                || w0 == 0x0100 && isZero(a, 2, 8)         // discard-only 100::/64
                || w0 == 0x2001 && w1 == 0x0db8            // documentation
                || w0 == 0x2001 && w1 == 0x0000            // Teredo (hides an IPv4 address)
                || w0 == 0x2001 && (w1 & 0xfff0) == 0x0010 // ORCHID
                || (a[0] & 0xe0) != 0x20);                 // outside global unicast 2000::/3
    }

    /** Refuses with {@link ForbiddenAddressException} unless every address is allowed. */
    void check(String host, InetAddress[] addresses) throws ForbiddenAddressException {
        if (addresses == null || addresses.length == 0) {
            throw new ForbiddenAddressException(host, null);
        }
        for (InetAddress address : addresses) {
            if (!allows(address)) {
                throw new ForbiddenAddressException(host, address);
            }
        }
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }

    /** The link check refused to connect: the host is, or resolves to, an address it may not reach. */
    static final class ForbiddenAddressException extends UnknownHostException {

        ForbiddenAddressException(String host, InetAddress address) {
            super("Refusing " + host + (address == null ? "" : " (" + address.getHostAddress() + ")")
                    + ": not a public address");
        }
    }
}
