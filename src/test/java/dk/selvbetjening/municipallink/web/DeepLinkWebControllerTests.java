package dk.selvbetjening.municipallink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.shared.SeparateDatabase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** "Direkte links til kommunens selvbetjening": public, absolute addresses with the municipality chosen. */
@SpringBootTest
@SeparateDatabase("municipallink")
@AutoConfigureMockMvc
class DeepLinkWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Test
    void listsEveryPublishedActionPageWithTheMunicipalityChosenReadyToCopy() throws Exception {
        SelfServiceDetails municipal = data.publishedMunicipal(Map.of(461, "https://odense.dk/a"));
        SelfServiceDetails missing = data.publishedMunicipal(Map.of());
        SelfServiceDetails national = data.publishedNational("https://www.borger.dk/b");
        MvcTestResult result = mvc.get().uri("http://selvbetjening.example/kommuner/0461/direkte-links").exchange();
        assertThat(result).hasStatusOk();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Direkte links til selvbetjening i Odense");
        assertThat(row(page, municipal)).isEqualTo(
                "http://selvbetjening.example/handlingsside/" + municipal.slug() + "?kommunekode=461|Kommunal|Findes");
        assertThat(row(page, missing)).endsWith("|Kommunal|Mangler");
        assertThat(row(page, national)).isEqualTo(
                "http://selvbetjening.example/handlingsside/" + national.slug() + "?kommunekode=461|Landsdækkende|");
        assertThat(page.select("a.deep-link").eachAttr("href")).contains(
                "http://selvbetjening.example/handlingsside/" + national.slug() + "?kommunekode=461");
        assertThat(page.select("a.csv-export").attr("href")).isEqualTo("/kommuner/461/direkte-links.csv");

        assertThat(mvc.get().uri("/handlingsside/" + municipal.slug() + "/start?kommunekode=461"))
                .hasHeader("Location", "https://odense.dk/a");
    }

    private static String row(Document page, SelfServiceDetails service) {
        var tr = page.select("tbody tr").stream().filter(r -> r.select("th").text().equals(service.title()))
                .findFirst().orElseThrow();
        return tr.select("td").get(0).text() + "|" + tr.select("td").get(1).text() + "|" + tr.select("td").get(2).text();
    }

    @Test
    void offersTheSameAsCsvForDanishExcel() {
        SelfServiceDetails municipal = data.publishedMunicipal(Map.of(461, "https://odense.dk/a"));
        MvcTestResult result = mvc.get().uri("/kommuner/461/direkte-links.csv").exchange();
        assertThat(result).hasStatusOk().hasHeader("Content-Type", "text/csv;charset=UTF-8")
                .hasHeader("Content-Disposition", "attachment; filename=\"direkte-links-461.csv\"");
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).contains("Selvbetjening;Direkte link;Slags;Kommunens link\r\n")
                .contains(municipal.title() + ";http://localhost/handlingsside/" + municipal.slug()
                        + "?kommunekode=461;Kommunal;Findes\r\n");
    }

    @Test
    void anUnknownOrMalformedCodeIsADanishNotFound() {
        for (String path : new String[] {"/kommuner/999/direkte-links", "/kommuner/abc/direkte-links",
                "/kommuner/999/direkte-links.csv", "/kommuner/10100/direkte-links"}) {
            assertThat(mvc.get().uri(path)).as(path).hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("Siden findes ikke");
        }
    }
}
