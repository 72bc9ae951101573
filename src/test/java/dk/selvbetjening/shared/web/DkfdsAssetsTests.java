package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Det Fælles Designsystem's files as the pages load them: every font and image its stylesheet names in {@code url(…)}
 * is served (the build copies only what it lists from node_modules/dkfds/dist; a missing icon shows no arrow on a
 * select), and so is the icon sprite the templates use.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DkfdsAssetsTests {

    private static final String CSS = "/dkfds/css/dkfds-borgerdk.min.css";
    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyFileTheStylesheetNamesIsServed() throws Exception {
        MvcTestResult css = mvc.get().uri(CSS).exchange();
        assertThat(css).hasStatusOk();
        Set<String> paths = new TreeSet<>();
        Matcher url = URL.matcher(css.getResponse().getContentAsString(StandardCharsets.UTF_8));
        while (url.find()) {
            String reference = url.group(1).strip();
            if (reference.startsWith("data:") || reference.startsWith("#")) {
                continue;
            }
            paths.add(UriComponentsBuilder.fromUriString(CSS).build().toUri().resolve(reference).getPath());
        }
        assertThat(paths).as("the stylesheet's files").contains("/dkfds/img/svg-icons/chevron-down.svg")
                .hasSizeGreaterThan(100);
        Set<String> missing = new TreeSet<>();
        for (String path : paths) {
            if (mvc.get().uri(path).exchange().getResponse().getStatus() != 200) {
                missing.add(path);
            }
        }
        assertThat(missing).as("files the stylesheet names that are not served").isEmpty();
    }

    @Test
    void theIconSpriteTheTemplatesUseIsServed() {
        assertThat(mvc.get().uri("/dkfds/img/all-svg-icons.svg")).hasStatusOk().bodyText().contains("id=\"arrow-forward\"");
    }
}
