package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriUtils;

/**
 * Whatever a link or a cookie says the municipality code is, every citizen path answers 200, a redirect, 400 or 404,
 * never 500; a redirect goes to a valid local address; nothing the citizen typed is taken as a URI template.
 */
// A context of its own: its hundreds of starts would otherwise decide the shared context's most used self-services
@SpringBootTest
@SeparateDatabase("hostile-municipality-codes")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMunicipalityCodeTests {

    /** Raw values, each sent percent-encoded as the one value of the parameter (or path segment). */
    static final List<String> HOSTILE = List.of("{x}", "{", "}", "%7B", "%7Bx%7D", "%", "%zz", "../", "../../etc",
            "/", "?", "#", "&kommunekode=101", "101&x=1", "1".repeat(5_000), "{" + "9".repeat(3_000) + "}",
            "١٠١", "１０１", "𝟏𝟎𝟏", "København", "😀", "\u0000", "101\u0000", "-101", "+101", "1e3", "0x65",
            "101.0", " 101 ", "1 0 1", "\t101\n", "", " ", "0101", "00101", "0", "-0", "2147483648", "99999999999999999999",
            "<script>alert(1)</script>", "\"", "'", "\\", "${x}", "#{x}", "*{x}", "~{x}", "__${x}__", "%s", "{0}",
            "/x?a=[b]", "/x?a={b}", "/x?a=%zz", "/x?a=%7Bb%7D", "/x#{y}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    SelfServiceDetails municipal;
    SelfServiceDetails national;

    @BeforeAll
    void publish() {
        municipal = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/pas"));
        national = data.publishedNational("https://www.borger.dk/pas");
    }

    Stream<Arguments> requests() {
        List<Arguments> all = new ArrayList<>();
        for (String value : HOSTILE) {
            String query = UriUtils.encodeQueryParam(value, java.nio.charset.StandardCharsets.UTF_8);
            String segment = UriUtils.encodePathSegment(value, java.nio.charset.StandardCharsets.UTF_8);
            for (SelfServiceDetails service : List.of(municipal, national)) {
                String page = "/handlingsside/" + service.slug();
                all.add(Arguments.of(page + "?kommunekode=" + query, value, 200));
                all.add(Arguments.of(page + "?KommuneKode=" + query + "&kommunekode=101", value, 200));
                all.add(Arguments.of(page + "?kommunekode=" + query + "&kommunekode=" + query, value, 200));
                all.add(Arguments.of(page + "/start?kommunekode=" + query, value, 303));
                all.add(Arguments.of(page + "/start?kommunekode=101&kommunekode=" + query, value, 303));
                all.add(Arguments.of("/Handlingsside?selfserviceId=" + service.id() + "&kommunekode=" + query, value,
                        301));
                all.add(Arguments.of("/Handlingsside?selfserviceId=" + query + "&kommunekode=" + query, value, 404));
                all.add(Arguments.of("/api/v1/services/" + service.slug() + "?municipalityCode=" + query, value, 0));
            }
            all.add(Arguments.of("/?kommunekode=" + query, value, 200));
            all.add(Arguments.of("/emner/familie-og-boern?kommunekode=" + query, value, 200));
            all.add(Arguments.of("/vaelg-kommune?kommunekode=" + query, value, 0));
            all.add(Arguments.of("/vaelg-kommune?kommunekode=" + query + "&returnTo=/handlingsside/"
                    + municipal.slug() + "%3Fkommunekode%3D" + query, value, 0));
            all.add(Arguments.of("/vaelg-kommune?kommunekode=101&returnTo=" + query, value, 0));
            all.add(Arguments.of("/vaelg-kommune?kommunekode=101&returnTo=/handlingsside/" + municipal.slug()
                    + "%3Fx%3D" + UriUtils.encodeQueryParam(query, java.nio.charset.StandardCharsets.UTF_8), value, 0));
            all.add(Arguments.of("/kommuner/" + segment + "/direkte-links", value, 0));
            all.add(Arguments.of("/kommuner/" + segment + "/direkte-links.csv", value, 0));
            all.add(Arguments.of("/api/v1/services?municipalityCode=" + query, value, 0));
            all.add(Arguments.of("/api/v1/municipal-links?municipalityCode=" + query, value, 0));
            all.add(Arguments.of("/api/v1/municipal-links/export?municipalityCode=" + query, value, 0));
        }
        return all.stream();
    }

    /** {@code expected} is the status when the value names no municipality; 0 where 200, 400 or 404 may be right. */
    @ParameterizedTest
    @MethodSource("requests")
    void aHostileCodeInTheLinkIsNeverAServerError(String uri, String value, int expected) {
        MvcTestResult result = mvc.get().uri(URI.create(uri)).exchange();

        assertThat(result.getUnresolvedException()).as(uri).isNull();
        int status = result.getResponse().getStatus();
        assertThat(status).as(uri).isIn(200, 301, 303, 400, 404);
        if (expected != 0 && !names101(value)) {
            assertThat(status).as(uri).isEqualTo(expected);
        }
        String location = result.getResponse().getHeader("Location");
        if (location != null && !location.startsWith("https://")) {
            assertThat(location).as(uri).startsWith("/").doesNotStartWith("//");
            assertThat(URI.create(location).getRawAuthority()).as(uri).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("cookies")
    void aHostileCodeInTheCookieIsIgnored(String path, String value) {
        MvcTestResult result = mvc.get().uri(path).cookie(new Cookie("kommunekode", value)).exchange();

        assertThat(result.getUnresolvedException()).as(path).isNull();
        assertThat(result.getResponse().getStatus()).as(path).isIn(200, 303);
    }

    Stream<Arguments> cookies() {
        return HOSTILE.stream().filter(value -> value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';'
                && c != ',' && c != '"' && c != '\\')).flatMap(value -> Stream.of(
                        Arguments.of("/handlingsside/" + municipal.slug(), value),
                        Arguments.of("/handlingsside/" + municipal.slug() + "/start", value),
                        Arguments.of("/vaelg-kommune", value)));
    }

    /** Values that are a way of writing 101 (a three or four digit number, spaces around it allowed). */
    private static boolean names101(String value) {
        return value.strip().equals("101") || value.strip().equals("0101");
    }
}
