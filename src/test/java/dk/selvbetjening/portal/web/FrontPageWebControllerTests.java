package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.portal.PortalTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dk.selvbetjening.shared.SeparateDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** On a database of its own: "Mest brugte" shows a few services, which on the shared one other classes' starts decide. */
@SpringBootTest
@AutoConfigureMockMvc
@SeparateDatabase("front-page")
class FrontPageWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PortalTestData data;

    @Test
    void showsEveryTopicAndTheMostUsedSelfServices() {
        SelfServiceDetails service = data.publishedNational("https://www.borger.dk/flyt");
        assertThat(mvc.get().uri("/")).hasStatusOk().bodyText()
                .contains("<a href=\"/emner/familie-og-boern\">Familie og børn</a>")
                .contains("<a href=\"/emner/kultur-og-fritid\">Kultur og fritid</a>")
                .contains("Mest brugte selvbetjeninger")
                .contains("href=\"/handlingsside/" + service.slug() + "\"");
    }

    @Test
    void aTopicListsItsPublishedSelfServicesOnly() {
        SelfServiceDetails inTopic = data.publishedMunicipal(Map.of(101, "https://www.kk.dk/x"));
        SelfServiceDetails elsewhere = data.publishedNational("https://www.borger.dk/flyt");
        assertThat(mvc.get().uri("/emner/familie-og-boern")).hasStatusOk().bodyText()
                .contains("<h1>Familie og børn</h1>")
                .contains(inTopic.title())
                .doesNotContain(elsewhere.title());
    }

    @Test
    void anEmptyTopicSaysSo() {
        assertThat(mvc.get().uri("/emner/danskere-i-udlandet")).hasStatusOk().bodyText()
                .contains("Der er endnu ingen selvbetjeninger under dette emne.");
    }
}
