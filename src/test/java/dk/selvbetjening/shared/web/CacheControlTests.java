package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No page that a session, a CSRF token, a flash message or a logged-in user can shape is ever {@code public} to a
 * caching proxy or CDN (ADR 0024): every GET address the application maps, asked by a logged-in editor and by
 * someone with no session, except the three citizen pages that are rendered once for everyone
 * ({@code portal.web.CitizenPageCachingTests} says when those are public).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CacheControlTests {

    /** Rendered once for everyone, from the catalogue alone (ADR 0003); public when no cookie decides them. */
    private static final Set<String> SHARED_CITIZEN_PAGES = Set.of("/", "/emner/{slug}", "/handlingsside/{slug}");
    /** The JSON API: no session, no cookie (reference data there is public for an hour, by design). */
    private static final String API = "/api/";
    private static final String NO_STORE = "no-cache, no-store, max-age=0, must-revalidate";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Set<String> addresses() {
        Set<String> addresses = new TreeSet<>();
        mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> !pattern.startsWith(API) && !SHARED_CITIZEN_PAGES.contains(pattern))
                // a path variable gets a value no record has: the page, its 404 or its refusal
                .map(pattern -> pattern.replaceAll("\\{[^}]*}", "1").replace("/**", "/1").replace("*", "1"))
                .forEach(addresses::add);
        return addresses;
    }

    @Test
    void noOtherPageIsEverPublicForALoggedInEditorOrAnyoneElse() {
        TestAccount editor = accounts.editor();
        Set<String> addresses = addresses();
        assertThat(addresses).as("the backoffice is among them").contains("/redaktion", "/redaktion/log-ind");
        for (String address : addresses) {
            for (MockHttpServletResponse response : List.of(
                    mvc.get().uri(address).with(editor.login()).exchange().getResponse(),
                    mvc.get().uri(address).exchange().getResponse())) {
                String cacheControl = response.getHeader("Cache-Control");
                assertThat(cacheControl).as(address + " (" + response.getStatus() + ")").isNotNull()
                        .doesNotContain("public");
                if (response.getStatus() == 200 && String.valueOf(response.getContentType()).startsWith("text/html")) {
                    assertThat(cacheControl).as(address).isEqualTo(NO_STORE);
                }
            }
        }
    }

    @Test
    void theLoginPageWithItsSessionAndCsrfTokenIsNeverStored() {
        MockHttpServletResponse login = mvc.get().uri("/redaktion/log-ind").exchange().getResponse();
        assertThat(login.getContentAsByteArray()).asString().contains("name=\"_csrf\"");
        assertThat(login.getHeader("Cache-Control")).isEqualTo(NO_STORE);
    }

    @Test
    void aSharedCitizenPageIsTheSameForALoggedInEditorAsForEveryoneSoPublicHidesNothing() throws Exception {
        TestAccount editor = accounts.editor();
        for (String address : List.of("/", "/emner/familie-og-boern")) {
            MockHttpServletResponse anonymous = mvc.get().uri(address).exchange().getResponse();
            MockHttpServletResponse loggedIn = mvc.get().uri(address).with(editor.login()).exchange().getResponse();
            assertThat(loggedIn.getContentAsByteArray()).as(address).isEqualTo(anonymous.getContentAsByteArray());
            assertThat(loggedIn.getContentAsString()).doesNotContain(editor.email()).doesNotContain("_csrf");
            assertThat(loggedIn.getHeader("Set-Cookie")).as("no session").isNull();
        }
    }
}
