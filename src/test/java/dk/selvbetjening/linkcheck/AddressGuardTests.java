package dk.selvbetjening.linkcheck;

import static dk.selvbetjening.linkcheck.TestWebServer.page;
import static dk.selvbetjening.linkcheck.TestWebServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;

import dk.selvbetjening.linkcheck.AddressPolicy.ForbiddenAddressException;
import dk.selvbetjening.linkcheck.HttpFetcher.GuardedDnsResolver;
import dk.selvbetjening.linkcheck.LinkChecker.Verdict;
import dk.selvbetjening.linkcheck.TestWebServer.RawServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard against requests to internal addresses (SSRF). Every address here is a literal, so deciding needs no
 * DNS; the checks that are refused must be refused before any connection, so no traffic leaves loopback.
 */
class AddressGuardTests {

    private final AddressPolicy strict = new AddressPolicy(false);
    private final AddressPolicy loopbackAllowed = new AddressPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "192.168.1.1", "172.16.0.1", "172.31.255.255", "169.254.169.254",
            "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.1.2.3", "0.0.0.0", "224.0.0.1", "255.255.255.255",
            "192.0.2.1", "198.18.0.1", "240.0.0.1",
            "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "::ffff:10.0.0.1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1",
            "2001:db8::1", "2001::1"})
    void refusesInternalAddresses(String literal) throws Exception {
        assertThat(strict.allows(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2a00:1450:400f:80d::200e",
            "::ffff:93.184.215.14", "2002:5db8:d70e::1"})
    void allowsPublicAddresses(String literal) throws Exception {
        assertThat(strict.allows(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"})
    void allowingLoopbackAllowsLoopback(String literal) throws Exception {
        assertThat(loopbackAllowed.allows(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "192.168.1.1", "169.254.169.254", "fc00::1", "fe80::1", "0.0.0.0"})
    void allowingLoopbackAllowsNothingElseInternal(String literal) throws Exception {
        assertThat(loopbackAllowed.allows(InetAddress.getByName(literal))).isFalse();
    }

    @Test
    void theResolverRefusesANameWhenAnyOfItsAddressesIsForbidden() {
        GuardedDnsResolver resolver = new GuardedDnsResolver(strict);
        assertThatThrownBy(() -> resolver.resolve("localhost")).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> resolver.resolve("[::1]")).isInstanceOf(ForbiddenAddressException.class);
        assertThatThrownBy(() -> resolver.resolve("10.0.0.1", 80)).isInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void refusesInternalAddressesWithoutConnecting() throws Exception {
        try (LinkChecker checker = LinkCheckFixtures.settings().allowLoopback(false).checker()) {
            for (String url : new String[] {"http://10.0.0.1/", "http://192.168.1.1/admin",
                    "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/", "http://100.64.0.1/",
                    "http://[::ffff:10.0.0.1]/", "http://0.0.0.0/"}) {
                long start = System.nanoTime();
                Verdict verdict = checker.check(url);
                assertThat(verdict.problem()).as(url).isEqualTo(LinkProblem.INTERNAL_ADDRESS);
                assertThat(verdict.httpStatus()).isNull();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(url).isLessThan(Duration.ofMillis(1500));
            }
        }
    }

    @Test
    void refusesLoopbackByAddressOrByNameUnlessAllowedAndNeverConnects() throws Exception {
        try (RawServer listener = new RawServer("127.0.0.1", RawServer.plainText());
             LinkChecker checker = LinkCheckFixtures.settings().allowLoopback(false).checker()) {
            assertThat(checker.check("http://127.0.0.1:" + listener.port() + "/").problem())
                    .isEqualTo(LinkProblem.INTERNAL_ADDRESS);
            assertThat(checker.check("http://localhost:" + listener.port() + "/").problem())
                    .isEqualTo(LinkProblem.INTERNAL_ADDRESS);
            assertThat(checker.check("http://[::1]:" + listener.port() + "/").problem())
                    .isEqualTo(LinkProblem.INTERNAL_ADDRESS);
            assertThat(checker.check("http://[::ffff:127.0.0.1]:" + listener.port() + "/").problem())
                    .isEqualTo(LinkProblem.INTERNAL_ADDRESS);
            Thread.sleep(100);
            assertThat(listener.accepted()).isZero();
        }
    }

    @Test
    void allowingLoopbackStillRefusesPrivateRanges() throws Exception {
        try (LinkChecker checker = LinkCheckFixtures.settings().allowLoopback(true).checker()) {
            assertThat(checker.check("http://192.168.1.1/").problem()).isEqualTo(LinkProblem.INTERNAL_ADDRESS);
            assertThat(checker.check("http://169.254.169.254/").problem()).isEqualTo(LinkProblem.INTERNAL_ADDRESS);
        }
    }

    @Test
    void refusesARedirectToAnInternalAddress() throws Exception {
        try (TestWebServer site = TestWebServer.start("127.0.0.1");
             LinkChecker checker = LinkCheckFixtures.settings().allowLoopback(true).checker()) {
            site.on("/to-metadata", redirect(302, "http://169.254.169.254/latest/meta-data/"));
            site.on("/to-private", redirect(301, "http://10.0.0.1/"));
            site.on("/fine", page("<title>Ok</title>"));
            Verdict metadata = checker.check(site.url("/to-metadata"));
            assertThat(metadata.problem()).isEqualTo(LinkProblem.INTERNAL_ADDRESS);
            assertThat(metadata.finalUrl()).isEqualTo("http://169.254.169.254/latest/meta-data/");
            assertThat(checker.check(site.url("/to-private")).problem()).isEqualTo(LinkProblem.INTERNAL_ADDRESS);
            assertThat(checker.check(site.url("/fine")).problem()).isNull();
        }
    }
}
