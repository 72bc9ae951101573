package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which incoming request id is kept, and that the id is in the MDC while the request is handled and only then. */
class RequestIdTests {

    private final RequestId filter = new RequestId();

    private record Handled(MockHttpServletResponse response, String idInMdc) {
    }

    private Handled handle(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(MDC.get(RequestId.MDC_KEY));
            }
        });
        return new Handled(response, seen.get());
    }

    private static MockHttpServletRequest request(String incomingId, boolean throughTrustedProxy) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/vaelg-kommune");
        if (incomingId != null) {
            request.addHeader(RequestId.HEADER, incomingId);
        }
        if (throughTrustedProxy) {
            request.setAttribute(RequestId.FORWARDED_BY_TRUSTED_PROXY, Boolean.TRUE);
        }
        return request;
    }

    @Test
    void generatesAnIdPutsItInTheMdcAndTheResponseAndRemovesItAfterwards() throws Exception {
        MockHttpServletRequest request = request(null, false);
        Handled handled = handle(request);
        String id = handled.response().getHeader(RequestId.HEADER);
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(handled.idInMdc()).isEqualTo(id);
        assertThat(RequestId.of(request)).isEqualTo(id);
        assertThat(MDC.get(RequestId.MDC_KEY)).isNull();
    }

    @Test
    void ignoresAnIdSentByAClientThatIsNoTrustedProxy() throws Exception {
        Handled handled = handle(request("chosen-by-client", false));
        assertThat(handled.response().getHeader(RequestId.HEADER)).matches("[0-9a-f]{16}");
    }

    @Test
    void keepsAWellFormedIdFromATrustedProxy() throws Exception {
        Handled handled = handle(request("3f9c2a1b-77e0-4c1a-9d2e-5b6a7c8d9e0f", true));
        assertThat(handled.response().getHeader(RequestId.HEADER)).isEqualTo("3f9c2a1b-77e0-4c1a-9d2e-5b6a7c8d9e0f");
        assertThat(handled.idInMdc()).isEqualTo("3f9c2a1b-77e0-4c1a-9d2e-5b6a7c8d9e0f");
    }

    @Test
    void replacesAMalformedIdEvenFromATrustedProxy() throws Exception {
        for (String malformed : new String[] {"", "a b", "x\r\nFalsk: linje", "a".repeat(65), "æøå"}) {
            Handled handled = handle(request(malformed, true));
            assertThat(handled.response().getHeader(RequestId.HEADER)).as(malformed).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void theErrorPagesDispatchKeepsTheRequestsId() throws Exception {
        MockHttpServletRequest request = request(null, false);
        String id = handle(request).response().getHeader(RequestId.HEADER);
        request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
        Handled error = handle(request);
        assertThat(error.idInMdc()).isEqualTo(id);
    }
}
