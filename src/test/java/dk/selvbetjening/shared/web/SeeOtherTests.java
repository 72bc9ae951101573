package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

class SeeOtherTests {

    @Test
    void answers303WithThePathsVariablesExpandedAndEncodedAndNoModelInTheUrl() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        SeeOther.to("/redaktion/{slug}/{number}", "å {b}", 7).getView()
                .render(Map.of("notice", "gemt"), new MockHttpServletRequest("POST", "/redaktion"), response);

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getHeader(HttpHeaders.LOCATION)).isEqualTo("/redaktion/%C3%A5%20%7Bb%7D/7");
    }

    @Test
    void scrollsToTheFragmentWhenOneIsGiven() {
        assertThat(view(SeeOther.toFragment("/vurderinger/{slug}", "dispensation", "x")).getUrl())
                .isEqualTo("/vurderinger/x#dispensation");
        assertThat(view(SeeOther.toFragment("/vurderinger/{slug}", null, "x")).getUrl()).isEqualTo("/vurderinger/x");
    }

    @Test
    void addsTheParameterEncodedOnlyWhenItHasAValue() {
        assertThat(view(SeeOther.withParameter("/tilslut/status/{reference}", "token", "a b&c", "TS-1")).getUrl())
                .isEqualTo("/tilslut/status/TS-1?token=a%20b%26c");
        assertThat(view(SeeOther.withParameter("/tilslut/status/{reference}", "token", null, "TS-1")).getUrl())
                .isEqualTo("/tilslut/status/TS-1");
    }

    @Test
    void keepsAnEncodedLocalUriAsItIs() {
        assertThat(view(SeeOther.to(UriComponentsBuilder.fromUriString("/handlingsside/x?kommunekode=101&q=%C3%A5")
                .build(true))).getUrl()).isEqualTo("/handlingsside/x?kommunekode=101&q=%C3%A5");
    }

    private static RedirectView view(ModelAndView modelAndView) {
        return (RedirectView) modelAndView.getView();
    }
}
