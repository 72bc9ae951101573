package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** A client is its IPv4 address or its IPv6 /64 network. */
class ClientAddressTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "192.0.2.7 | 192.0.2.7",
            "2001:db8:1:2::7 | 2001:db8:1:2::/64",
            "2001:0db8:0001:0002:ffff:ffff:ffff:ffff | 2001:db8:1:2::/64",
            "2001:DB8:1:2:0:0:0:1 | 2001:db8:1:2::/64",
            "[2001:db8:1:2::9] | 2001:db8:1:2::/64",
            "fe80::1%eth0 | fe80:0:0:0::/64",
            "0:0:0:0:0:0:0:1 | 0:0:0:0::/64",
            "::ffff:192.0.2.8 | 192.0.2.8",
            "2001:db8:1:3::1 | 2001:db8:1:3::/64",
            "not-an-address | not-an-address",
            "zz::1 | zz::1"})
    void isTheIpv4AddressOrTheIpv6SlashSixtyFour(String address, String client) {
        assertThat(ClientAddress.normalise(address)).isEqualTo(client);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2001:db8:a:b::1 | 2001:db8:a:b:ffff:1:2:3", "192.0.2.1 | 192.0.2.1"})
    void twoAddressesOfOneClientAreOneKey(String one, String other) {
        assertThat(ClientAddress.of(request(one))).isEqualTo(ClientAddress.of(request(other)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2001:db8:a:b::1 | 2001:db8:a:c::1", "192.0.2.1 | 192.0.2.2"})
    void neighboursAreDifferentClients(String one, String other) {
        assertThat(ClientAddress.of(request(one))).isNotEqualTo(ClientAddress.of(request(other)));
    }

    private static MockHttpServletRequest request(String remoteAddress) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remoteAddress);
        return request;
    }
}
