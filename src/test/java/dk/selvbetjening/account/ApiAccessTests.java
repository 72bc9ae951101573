package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Fail closed: every endpoint the application maps is either listed as public or refuses a caller without an account.
 * The mappings are read from Spring MVC itself, so an endpoint added later is covered without touching this test;
 * a test-only endpoint that nobody listed stands for it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ApiAccessTests.UnlistedEndpoint.class)
class ApiAccessTests {

    /** Pages outside the backoffice, open to anyone on purpose; all but the forms only read. */
    static final Set<String> PUBLIC_PAGES = Set.of(
            "GET /", "GET /emner/{slug}", "GET /handlingsside/{slug}", "GET /handlingsside/{slug}/start",
            "GET /Handlingsside", "GET /handlingsside", "GET /vaelg-kommune",
            "GET /kommuner/{code}/direkte-links", "GET /kommuner/{code}/direkte-links.csv",
            "GET /tilslut", "POST /tilslut", "POST /tilslut/indlaes-skabelon", "GET /tilslut/skabelon.docx",
            "POST /tilslut/tjek-svar", "POST /tilslut/ret",
            "GET /tilslut/tak", "GET /tilslut/kvittering/{reference}",
            "GET /tilslut/status/{reference}", "POST /tilslut/status/{reference}",
            "GET /redaktion/log-ind", "GET /sitemap.xml", "GET /robots.txt", "GET /aabne-data", "GET /soeg",
            "GET /soeg/aabn",
            // the OpenID Connect login's outcome pages: the person has no session yet (ADR 0026)
            "GET /redaktion/log-ind/adgang-anmodet", "GET /redaktion/log-ind/ukendt-organisation",
            "GET /redaktion/log-ind/fejl");

    /** Stands for an API endpoint added without being listed as public. */
    @TestConfiguration
    static class UnlistedEndpoint {

        @Bean
        UnlistedApiController unlistedApiController() {
            return new UnlistedApiController();
        }
    }

    @RestController
    static class UnlistedApiController {

        @GetMapping(path = "/api/v1/test-only/unlisted", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> unlisted() {
            return Map.of("secret", "only for accounts");
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccountFixtures accounts;

    /** "METHOD pattern" of every mapped handler (a mapping without a method counts as GET). */
    private Set<String> mapped() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("GET " + pattern);
                }
                methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
            }
        }
        return endpoints;
    }

    /** A path for {@code pattern} with every variable filled in with something that names nothing. */
    private static String path(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "findes-ikke");
    }

    private static Set<String> publicApi() {
        Set<String> open = new TreeSet<>();
        Stream.of(PublicApi.GET).forEach(pattern -> open.add("GET " + pattern));
        Stream.of(PublicApi.POST).forEach(pattern -> open.add("POST " + pattern));
        return open;
    }

    @Test
    void everyEndpointOfTheApiIsListedAsPublicOrRefusesACallerWithoutAnAccount() {
        List<String> api = mapped().stream().filter(e -> e.substring(e.indexOf(' ') + 1).startsWith("/api/v1/"))
                .toList();
        assertThat(api).as("the public list names only endpoints that exist").containsAll(publicApi());
        assertThat(api).as("the unlisted probe is mapped").contains("GET /api/v1/test-only/unlisted");

        List<String> wrong = new ArrayList<>();
        for (String endpoint : api) {
            HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            int status = mvc.perform(request(method, path(pattern))).getResponse().getStatus();
            boolean listed = publicApi().contains(endpoint);
            if (listed && (status == 401 || status == 403 || status >= 500)) {
                wrong.add("public " + endpoint + " answered " + status);
            } else if (!listed && status != HttpStatus.UNAUTHORIZED.value()) {
                wrong.add("unlisted " + endpoint + " answered " + status);
            }
        }
        assertThat(wrong).as("endpoints neither listed as public and open nor closed").isEmpty();
    }

    @Test
    void anUnlistedEndpointAsksForALoginAndAnswersAnAccount() {
        assertThat(mvc.get().uri("/api/v1/test-only/unlisted")).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson()
                .extractingPath("$.title").isEqualTo("Log ind");
        AccountFixtures.TestAccount editor = accounts.editor();
        assertThat(mvc.get().uri("/api/v1/test-only/unlisted").header(HttpHeaders.AUTHORIZATION, editor.basic()))
                .hasStatusOk().bodyJson().extractingPath("$.secret").isEqualTo("only for accounts");
    }

    @Test
    void anAddressUnderTheApiThatNothingMapsIsClosedToo() {
        assertThat(mvc.get().uri("/api/v1/findes-ikke")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/v2/services")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyPageOutsideTheBackofficeIsListedAsPublicAndEveryBackofficePageAsksForALogin() {
        assertThat(mapped()).as("the public pages named exist").containsAll(PUBLIC_PAGES);
        List<String> unlisted = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (String endpoint : mapped()) {
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (pattern.startsWith("/api/") || pattern.equals("/error") || pattern.startsWith("/v3/api-docs")) {
                continue;
            }
            boolean backoffice = pattern.equals("/redaktion") || pattern.startsWith("/redaktion/");
            if (PUBLIC_PAGES.contains(endpoint)) {
                continue;
            }
            if (!backoffice) {
                unlisted.add(endpoint);
                continue;
            }
            HttpMethod method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
            MvcTestResult anonymous = mvc.perform(request(method, path(pattern)).with(csrf()));
            String location = anonymous.getResponse().getHeader(HttpHeaders.LOCATION);
            if (anonymous.getResponse().getStatus() != HttpStatus.FOUND.value() || location == null
                    || !location.endsWith(SecurityConfiguration.LOGIN_PAGE)) {
                open.add(endpoint + " answered " + anonymous.getResponse().getStatus());
            }
        }
        assertThat(unlisted).as("pages outside /redaktion that are not listed as public").isEmpty();
        assertThat(open).as("backoffice pages that do not send an anonymous visitor to the login").isEmpty();
    }
}
