package dk.selvbetjening.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Public submissions are limited per client address; the limit is a setting. */
@SpringBootTest(properties = "selvbetjening.connection.submissions-per-minute=2")
@AutoConfigureMockMvc
class SubmissionRateLimitTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theThirdSubmissionInAMinuteIsToldToWait() {
        String json = "{\"kind\": \"NEW\"}";
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON)
                    .content(json).with(r -> { r.setRemoteAddr("192.0.2.7"); return r; }))
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        var refused = mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON)
                .content(json).with(r -> { r.setRemoteAddr("192.0.2.7"); return r; }).exchange();
        assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).bodyJson().extractingPath("$.detail")
                .isEqualTo("Du har sendt mange anmodninger på kort tid. Vent lidt, og prøv igen.");
        assertThat(mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(r -> { r.setRemoteAddr("192.0.2.8"); return r; }))
                .as("another address has its own allowance").hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void ipv6AddressesInOneSlashSixtyFourAreOneClient() {
        String json = "{\"kind\": \"NEW\"}";
        for (String address : new String[] {"2001:db8:30:1::1", "2001:db8:30:1::2"}) {
            assertThat(mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON)
                    .content(json).with(r -> { r.setRemoteAddr(address); return r; }))
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(mvc.post().uri("/api/v1/connection-requests").contentType(MediaType.APPLICATION_JSON).content(json)
                .with(r -> { r.setRemoteAddr("2001:db8:30:1:abcd::3"); return r; }))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }
}
