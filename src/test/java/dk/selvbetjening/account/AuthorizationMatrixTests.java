package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceFixtures;
import dk.selvbetjening.compliance.AssessmentService;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.connection.web.ConnectionWebTestData;
import dk.selvbetjening.notification.MailOutbox;
import dk.selvbetjening.portal.PortalTestData;
import dk.selvbetjening.search.Synonyms;
import dk.selvbetjening.shared.SeparateDatabase;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The authorization matrix (issue 16 part 3): {@code security/authorization-matrix.csv} in the test resources names
 * every endpoint the application serves (method and path pattern as mapped) and what each kind of caller gets. The
 * endpoints are read from the application itself (Spring MVC's request mappings, the actuator's, and the servlets
 * registered beside the dispatcher, i.e. the ArticleExport SOAP service), so an endpoint without a row fails the
 * build, and so does a row that names no endpoint. Then every endpoint is called by every caller against real data
 * (a municipal, mandatory self-service owned by one authority, with links for two municipalities, its action page,
 * assessment and exemption, and a connection request with its status link) and the answer's class is compared.
 *
 * <p>A write is sent with a CSRF token and without a valid body (an empty JSON object to the API): a caller who may
 * make it gets {@code bad} (or {@code ok} where nothing is required), one who may not gets refused before the body
 * is looked at. To add an endpoint, add its row; the failure message of a missing row suggests one from what the
 * application answered now, to be checked answer by answer before it is committed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@SeparateDatabase("authorization-matrix")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    static final String MATRIX = "security/authorization-matrix.csv";

    /** The callers, in the matrix's column order. */
    enum Caller {
        ANONYMOUS("anonymous"),
        /** Anonymous, holding the status link (its token) of the connection request in the data. */
        SUPPLIER("supplier"),
        /** An authority editor of the authority that owns the self-service and the connection request. */
        OWN_AUTHORITY("own-authority"),
        OTHER_AUTHORITY("other-authority"),
        /** An authority editor of the municipality the path names (its municipal link, its deep links). */
        OWN_MUNICIPALITY("own-municipality"),
        OTHER_MUNICIPALITY("other-municipality"),
        EDITOR("editor");

        final String column;

        Caller(String column) {
            this.column = column;
        }
    }

    /** What a caller gets, as classes of status codes. */
    enum Answer {
        /** 2xx, or a 3xx that is not a redirect to the login page. */
        ok,
        /** A redirect to the login page (pages) or 401 (API, actuator). */
        login,
        forbidden,
        /** 404: what this caller may not even know exists. */
        notfound,
        /** 400, 409, 412, 413, 415, 422, 428: the request was let through and refused for what it says. */
        bad;

        static String of(int status, String location) {
            if (status == 401 || (status == 302 && toLoginPage(location))) {
                return login.name();
            }
            if (status >= 200 && status < 400) {
                return ok.name();
            }
            return switch (status) {
                case 403 -> forbidden.name();
                case 404 -> notfound.name();
                case 400, 409, 412, 413, 415, 422, 428 -> bad.name();
                default -> "unexpected " + status;
            };
        }

        /**
         * The login page itself, or it saying that the login was refused ({@code ?fejl}, {@code ?for-mange-forsoeg});
         * not its other outcomes (logged out, an access request made), which are answers in their own right.
         */
        private static boolean toLoginPage(String location) {
            if (location == null) {
                return false;
            }
            java.net.URI uri = java.net.URI.create(location);
            return SecurityConfiguration.LOGIN_PAGE.equals(uri.getPath())
                    && (uri.getQuery() == null || Set.of("fejl", "for-mange-forsoeg").contains(uri.getQuery()));
        }
    }

    record Row(String method, String path, Map<Caller, String> expected) {

        String endpoint() {
            return method + " " + path;
        }
    }

    /** Query parameters an endpoint needs to reach its authorization check at all. */
    private static final Map<String, String> QUERIES = Map.of(
            "GET /redaktion/selvbetjeninger/{slug}/handlingsside/revisioner/sammenlign", "fra=1&til=1",
            "GET /redaktion/selvbetjeninger/{slug}/handlingsside/forhaandsvisning", "revision=1&kommunekode=751",
            "GET /_vti_bin/borger/ArticleExport.svc", "wsdl",
            "GET /api/v1/search", "q=flytning",
            "GET /api/v1/search/suggest", "q=fly",
            "GET /Handlingsside", "selfserviceId={serviceId}",
            "GET /handlingsside", "selfserviceId={serviceId}");

    /**
     * The endpoints Spring Security's own filters serve, which no request mapping names (they answer before the
     * request reaches the dispatcher, so the handler mappings cannot list them): the form login and the logout
     * (SecurityConfiguration) and the WebAuthn ceremonies (PasskeyLogin, with Spring's removal turned into a 404).
     * Kept by hand: a filter endpoint added to the chain must be added here and get its row.
     */
    static final List<String> FILTER_ENDPOINTS = List.of(
            "POST " + SecurityConfiguration.LOGIN_PAGE,
            "POST /redaktion/log-ud",
            "POST /webauthn/register/options",
            "POST /webauthn/register",
            "DELETE /webauthn/register/{id}",
            "POST /webauthn/authenticate/options",
            "POST /login/webauthn");

    /**
     * The OpenID Connect login's filter endpoints, served only when the application has a client registration (this
     * test's has none: StaffLoginBrowserTests covers them against a real provider); then they need rows too.
     */
    static final List<String> OIDC_FILTER_ENDPOINTS = List.of(
            "GET /oauth2/authorization/{registrationId}",
            "GET /login/oauth2/code/{registrationId}");

    /** Form fields a filter endpoint reads: the form login gets a wrong password for an account that doesn't exist. */
    private static final Map<String, Map<String, String>> FORMS = Map.of(
            "POST " + SecurityConfiguration.LOGIN_PAGE,
            Map.of("email", "ingen@matrix.invalid", "password", "forkert-adgangskode"));

    /** Where a mapping ends in a wildcard, the path that stands for it. */
    private static final Map<String, String> WILDCARDS = Map.of(
            "/actuator/health/**", "/actuator/health/liveness");

    private static final int OWN_CODE = 751;
    private static final int OTHER_CODE = 101;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    PortalTestData portal;

    @Autowired
    AssessmentService assessments;

    @Autowired
    RequirementCatalogue requirements;

    @Autowired
    Synonyms synonyms;

    @Autowired
    MailOutbox outbox;

    @Autowired
    ApiKeyService apiKeys;

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilters;

    private final Map<Caller, TestAccount> callers = new EnumMap<>(Caller.class);
    private final Map<String, String> ids = new LinkedHashMap<>();
    private SelfServiceDetails service;
    private String reference;
    private String token;
    private String requirementNumber;

    @BeforeAll
    void data() throws Exception {
        AuthorityDetails owner = SystemPrincipal.call(
                () -> authorities.register(AuthorityFixtures.aStateAuthority("Styrelsen for Matrixprøver")));
        AuthorityDetails other = SystemPrincipal.call(
                () -> authorities.register(AuthorityFixtures.aStateAuthority("Styrelsen for Andet")));
        AuthorityDetails municipality = SystemPrincipal.call(() -> portal.municipality(OWN_CODE, "Aarhus Kommune"));
        AuthorityDetails otherMunicipality = SystemPrincipal.call(
                () -> portal.municipality(OTHER_CODE, "Københavns Kommune"));
        callers.put(Caller.OWN_AUTHORITY, accounts.authorityEditor(owner.id()));
        callers.put(Caller.OTHER_AUTHORITY, accounts.authorityEditor(other.id()));
        callers.put(Caller.OWN_MUNICIPALITY, accounts.authorityEditor(municipality.id()));
        callers.put(Caller.OTHER_MUNICIPALITY, accounts.authorityEditor(otherMunicipality.id()));
        callers.put(Caller.EDITOR, accounts.editor());

        // A municipal self-service that is also mandatory (wave 1): it has municipal links, an action page, an
        // assessment and an exemption, all owned by the owner.
        NewSelfService m = SelfServiceFixtures.aMunicipalSelfService(owner.id());
        service = portal.publish(new NewSelfService(m.slug(), m.title(), m.shortDescription(), m.kind(), m.scope(),
                m.url(), m.formReturn(), m.authorityId(), m.supplierName(), m.supplierEmail(), m.loginMethod(), 1,
                m.kleNumber(), m.topics(), m.keywords(), m.demo()),
                Map.of(OWN_CODE, "https://www.kommune-751.dk/pasning", OTHER_CODE, "https://www.kk.dk/pasning"));
        var assessment = SystemPrincipal.call(() -> assessments.grantExemption(service.id(), "Prøve",
                LocalDate.now().plusDays(30)));
        requirementNumber = requirements.inForce().get(0).number();

        // A connection request of the owner, submitted through the form as a supplier does.
        var submitted = mvc.post().uri("/tilslut").with(ConnectionWebTestData.fromOwnAddress())
                .params(ConnectionWebTestData.aValidForm(ConnectionWebTestData.aTitle(), owner)).exchange();
        String[] receipt = ConnectionWebTestData.referenceAndToken(
                submitted.getResponse().getHeader(HttpHeaders.LOCATION));
        reference = receipt[0];
        token = receipt[1];

        ids.put("/redaktion/myndigheder/{id}", owner.id().toString());
        ids.put("/api/v1/authorities/{id}", owner.id().toString());
        ids.put("/redaktion/konti/{id}", accounts.authorityEditor(owner.id()).id().toString());
        // A passkey id of no one's: each caller may only ever remove their own (PasskeyWebController)
        ids.put("/redaktion/konto/adgangsnoegler/{id}", "ikke-en-adgangsnoegle");
        // An access request of no one's (OpenID Connect first logins): only who may decide one is tested here
        ids.put("/redaktion/adgang/{id}", java.util.UUID.randomUUID().toString());
        // Spring's removal of a passkey by its credential id (refused for everyone: PasskeyLogin)
        ids.put("/webauthn/register/{id}", "aWtrZS1lbi1hZGdhbmdzbm9lZ2xl");
        ids.put("/redaktion/udbakke/{id}", outbox.latest().get(0).id().toString());
        ids.put("/redaktion/synonymer/{id}", SystemPrincipal.call(() -> synonyms.add("matrix, prøvetabel")).id()
                .toString());
        ids.put("/dispensation/{id}", assessment.exemptions().get(0).id().toString());
        ids.put("/redaktion/api-noegler/{id}", accounts.runAs(callers.get(Caller.EDITOR),
                () -> apiKeys.issue(owner.id(), "Matrixsystem")).summary().id().toString());
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws Exception {
        Map<String, Boolean> served = served();
        Set<String> rows = new TreeSet<>();
        matrix().forEach(row -> rows.add(row.endpoint()));
        List<String> missing = new ArrayList<>();
        for (var endpoint : served.entrySet()) {
            if (!rows.contains(endpoint.getKey())) {
                String[] parts = endpoint.getKey().split(" ", 2);
                missing.add(line(parts[0], parts[1], answers(parts[0], parts[1], endpoint.getValue())));
            }
        }
        List<String> stale = rows.stream().filter(e -> !served.containsKey(e)).toList();
        if (Boolean.getBoolean("matrix.write")) {
            Files.write(Path.of("target", "authorization-matrix-missing.csv"), missing);
        }
        assertThat(missing).as("endpoints without a row in %s: add one each (method,path,%s); the answers shown are "
                + "what the application gives now: decide each before committing it", MATRIX,
                String.join(",", columns())).isEmpty();
        assertThat(stale).as("rows in %s that name no endpoint", MATRIX).isEmpty();
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws Exception {
        Map<String, Boolean> served = served();
        List<String> wrong = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        Map<String, Long> durations = new LinkedHashMap<>();
        for (Row row : matrix()) {
            Boolean servlet = served.get(row.endpoint());
            if (servlet == null) {
                continue;
            }
            long started = System.nanoTime();
            Map<Caller, String> answers = answers(row.method(), row.path(), servlet);
            durations.put(row.endpoint(), (System.nanoTime() - started) / 1_000_000);
            answers.forEach((caller, answer) -> {
                if (!answer.equals(row.expected().get(caller))) {
                    wrong.add(row.endpoint() + " as " + caller.column + ": expected " + row.expected().get(caller)
                            + ", got " + answer);
                }
            });
            observed.add(line(row.method(), row.path(), answers));
        }
        if (Boolean.getBoolean("matrix.write")) {
            Files.write(Path.of("target", "authorization-matrix-observed.csv"), observed);
        }
        System.out.println("Slowest rows (ms, all callers): " + durations.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8).toList());
        assertThat(wrong).as("answers that differ from %s", MATRIX).isEmpty();
    }

    private Map<Caller, String> answers(String method, String pattern, boolean servlet) throws Exception {
        Map<Caller, String> answers = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            answers.put(caller, call(method, pattern, caller, servlet));
        }
        return answers;
    }

    private static String line(String method, String pattern, Map<Caller, String> answers) {
        return method + "," + pattern + "," + String.join(",", answers.values());
    }

    /** Every endpoint served: "METHOD pattern" → whether a servlet of its own (not the dispatcher) serves it. */
    private Map<String, Boolean> served() {
        Map<String, Boolean> endpoints = new java.util.TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.equals("/error")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        endpoints.put("GET " + pattern, false);
                    }
                    methods.forEach(method -> endpoints.put(method.name() + " " + pattern, false));
                }
            }
        }
        FILTER_ENDPOINTS.forEach(endpoint -> endpoints.put(endpoint, false));
        if (context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable() != null) {
            OIDC_FILTER_ENDPOINTS.forEach(endpoint -> endpoints.put(endpoint, false));
        }
        for (ServletRegistrationBean<?> servlet : context.getBeansOfType(ServletRegistrationBean.class).values()) {
            if (servlet.getServlet() instanceof DispatcherServlet) {
                continue;
            }
            for (String pattern : servlet.getUrlMappings()) {
                endpoints.put("GET " + pattern, true);
                endpoints.put("POST " + pattern, true);
            }
        }
        return endpoints;
    }

    private String call(String methodName, String pattern, Caller caller, boolean servlet) throws Exception {
        HttpMethod method = HttpMethod.valueOf(methodName);
        String path = path(pattern);
        String query = QUERIES.get(method.name() + " " + pattern);
        MockHttpServletRequestBuilder request = request(method, query == null ? path : path + "?" + path(query));
        String address = "10.77." + (ADDRESSES.incrementAndGet() >> 8 & 255) + "." + (ADDRESSES.get() & 255);
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        if (method != HttpMethod.GET) {
            request.with(csrf());
            if (pattern.startsWith("/api/")) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
            FORMS.getOrDefault(method.name() + " " + pattern, Map.of()).forEach(request::param);
        }
        switch (caller) {
            case ANONYMOUS -> { }
            case SUPPLIER -> request.param("token", token);
            default -> request.with(callers.get(caller).login());
        }
        MockHttpServletResponse response;
        if (servlet) {
            response = throughServlet(request, path);
        } else {
            MvcTestResult result = mvc.perform(request);
            if (result.getUnresolvedException() != null) {
                return "unexpected " + result.getUnresolvedException();
            }
            response = result.getResponse();
        }
        return Answer.of(response.getStatus(), response.getHeader(HttpHeaders.LOCATION));
    }

    /** A servlet of its own (SOAP) is reached through the security filters, as the server would route it. */
    private MockHttpServletResponse throughServlet(MockHttpServletRequestBuilder builder, String path)
            throws Exception {
        ServletRegistrationBean<?> registration = context.getBeansOfType(ServletRegistrationBean.class).values()
                .stream().filter(candidate -> candidate.getUrlMappings().contains(path)).findFirst().orElseThrow();
        Servlet target = registration.getServlet();
        ServletContext servletContext = ((WebApplicationContext) context).getServletContext();
        if (target.getServletConfig() == null) {
            target.init(new MockServletConfig(servletContext, registration.getServletName()));
        }
        MockHttpServletRequest request = builder.buildRequest(servletContext);
        request.setServletPath(path);
        if (request.getMethod().equals("POST")) {
            request.setContentType("text/xml; charset=utf-8");
            request.setContent("<nope/>".getBytes(StandardCharsets.UTF_8));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MockFilterChain(target, securityFilters).doFilter(request, response);
        return response;
    }

    /** The pattern with its variables filled from the data: each names something of the owner's. */
    private String path(String pattern) {
        String path = WILDCARDS.getOrDefault(pattern, pattern);
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variables.find()) {
            variables.appendReplacement(filled, Matcher.quoteReplacement(value(pattern, variables.group(1))));
        }
        variables.appendTail(filled);
        return filled.toString();
    }

    private String value(String pattern, String variable) {
        return switch (variable) {
            case "slug" -> pattern.startsWith("/emner/") ? "familie-og-boern" : service.slug();
            case "reference" -> reference;
            case "serviceId" -> service.id().toString();
            case "code" -> Integer.toString(OWN_CODE);
            case "registrationId" -> java.util.stream.StreamSupport.stream(((Iterable<?>) context
                    .getBean(ClientRegistrationRepository.class)).spliterator(), false)
                    .map(r -> ((org.springframework.security.oauth2.client.registration.ClientRegistration) r)
                            .getRegistrationId()).findFirst().orElseThrow();
            case "number" -> pattern.contains("/revisioner/") ? "1" : requirementNumber;
            case "id" -> ids.entrySet().stream().filter(id -> pattern.contains(id.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no {id} for " + pattern
                            + ": add one to the data in AuthorizationMatrixTests.data()"));
            default -> throw new AssertionError("no value for {" + variable + "} in " + pattern
                    + ": add one to AuthorizationMatrixTests.value()");
        };
    }

    private static List<String> columns() {
        return java.util.Arrays.stream(Caller.values()).map(caller -> caller.column).toList();
    }

    static List<Row> matrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = new ClassPathResource(MATRIX).getInputStream()) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            boolean header = true;
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (header) {
                    assertThat(List.of(cells).subList(2, cells.length)).as("the matrix's columns").isEqualTo(columns());
                    header = false;
                    continue;
                }
                assertThat(cells).as("cells of the row %s", line).hasSize(2 + Caller.values().length);
                Map<Caller, String> expected = new EnumMap<>(Caller.class);
                for (Caller caller : Caller.values()) {
                    String answer = cells[2 + caller.ordinal()].trim();
                    assertThat(Set.of("ok", "login", "forbidden", "notfound", "bad")).as("answer in %s", line)
                            .contains(answer);
                    expected.put(caller, answer);
                }
                rows.add(new Row(cells[0].trim(), cells[1].trim(), expected));
            }
        }
        return rows;
    }
}
