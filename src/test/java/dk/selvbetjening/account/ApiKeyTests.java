package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;

import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.audit.AuditLog;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.compliance.ComplianceFixtures;
import dk.selvbetjening.compliance.requirement.RequirementCatalogue;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * API keys for authorities' systems (ADR 0028), with HTTP Basic turned off as in production: an editor issues a key
 * for one authority and sees it once; the database holds its hash; the key acts for its authority and no other;
 * revoking it stops it at once; a person's password is refused by the API. Keys expire (ADR 0034): a lifetime within
 * the maximum, an expired key refused with a Danish problem saying what to do, keys near expiry shown to editors; a
 * metrics key reads the Prometheus metrics and nothing else. Refused keys are held back per client address.
 */
@SpringBootTest(properties = "selvbetjening.api.basic-auth-enabled=false")
@AutoConfigureMockMvc
class ApiKeyTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountFixtures accounts;

    @Autowired
    AuthorityService authorities;

    @Autowired
    ComplianceFixtures compliance;

    @Autowired
    RequirementCatalogue requirements;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountProperties properties;

    private AuthorityDetails anAuthority(String name) {
        return SystemPrincipal.call(() -> authorities.register(AuthorityFixtures.aStateAuthority(name)));
    }

    /** Issues a key through the backoffice page, as an editor does; the answer's flash carries it to the next page. */
    private IssuedApiKey issue(TestAccount editor, AuthorityDetails authority, String name) {
        MvcTestResult issued = mvc.post().uri("/redaktion/api-noegler").with(editor.login()).with(csrf())
                .param("authorityId", authority.id().toString()).param("name", name).exchange();
        assertThat(issued).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/redaktion/api-noegler");
        return (IssuedApiKey) issued.getMvcResult().getFlashMap().get("issued");
    }

    private static String bearer(IssuedApiKey key) {
        return "Bearer " + key.key();
    }

    private MvcTestResult answer(SelfServiceDetails service, String authorization) {
        MvcTestResult current = mvc.get().uri("/api/v1/services/{slug}/assessment", service.slug())
                .header(HttpHeaders.AUTHORIZATION, authorization).exchange();
        String etag = current.getResponse().getHeader(HttpHeaders.ETAG);
        String number = requirements.inForce().get(0).number();
        return mvc.put().uri("/api/v1/services/{slug}/assessment", service.slug())
                .header(HttpHeaders.AUTHORIZATION, authorization).header(HttpHeaders.IF_MATCH, etag == null ? "\"0\"" : etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\": [{\"requirement\": \"" + number + "\", \"status\": \"MET\", "
                        + "\"justification\": \"Testet af systemet\"}]}")
                .exchange();
    }

    @Test
    void theKeyIsShownOnceAndOnlyItsHashIsStored() {
        TestAccount editor = accounts.editor();
        IssuedApiKey key = issue(editor, anAuthority("Styrelsen for Nøgler"), "Linkimport");
        assertThat(key.key()).matches("sbk_[A-Za-z0-9_-]{11}_[A-Za-z0-9_-]{43}");

        MvcTestResult shown = mvc.get().uri("/redaktion/api-noegler").with(editor.login())
                .flashAttrs(Map.of("issued", key)).exchange();
        assertThat(shown).hasStatusOk().bodyText().contains(key.key()).contains("vises kun denne ene gang");
        assertThat(shown.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        MvcTestResult later = mvc.get().uri("/redaktion/api-noegler").with(editor.login()).exchange();
        assertThat(later).hasStatusOk().bodyText().doesNotContain(key.key()).contains("Linkimport")
                .contains("sbk_" + key.summary().lookupId() + "_…");

        Map<String, Object> row = jdbc.sql("SELECT * FROM api_key WHERE id = ?").param(key.summary().id()).query()
                .singleRow();
        assertThat(row.get("key_hash")).isEqualTo(ApiKeyService.sha256(key.key()));
        String secret = key.key().substring(key.key().length() - 43);
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
        assertThat(audit.history(ApiKeyService.AUDIT_TYPE, key.summary().id()))
                .anySatisfy(entry -> assertThat(entry.actor()).isEqualTo(editor.email()));
    }

    @Test
    void aKeyActsForItsOwnAuthorityAndNoOther() {
        AuthorityDetails owner = anAuthority("Styrelsen for Egne Svar");
        AuthorityDetails other = anAuthority("Styrelsen for Andres Svar");
        SelfServiceDetails own = compliance.waveDraft(owner.id(), 1);
        SelfServiceDetails others = compliance.waveDraft(other.id(), 1);
        IssuedApiKey key = issue(accounts.editor(), owner, "Vurderingssystem");

        MvcTestResult answered = answer(own, bearer(key));
        assertThat(answered).hasStatusOk();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = ?")
                .param("api-noegle:" + key.summary().lookupId()).query(Long.class).single())
                .as("the answer is put down to the key").isPositive();
        assertThat(jdbc.sql("SELECT last_used_at FROM api_key WHERE id = ?").param(key.summary().id())
                .query(Object.class).single()).isNotNull();

        // another authority's draft is not even visible; writing to it is refused
        assertThat(mvc.get().uri("/api/v1/services/{slug}/assessment", others.slug())
                .header(HttpHeaders.AUTHORIZATION, bearer(key))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(answer(others, bearer(key))).hasStatus(HttpStatus.NOT_FOUND);
        // another authority's published solution is visible to all, and answering for it is forbidden
        assertThat(answer(compliance.publishedWave(other.id(), 1), bearer(key))).hasStatus(HttpStatus.FORBIDDEN);
        // editors-only API writes are refused before their body is read
        assertThat(mvc.post().uri("/api/v1/authorities/import").header(HttpHeaders.AUTHORIZATION, bearer(key)))
                .hasStatus(HttpStatus.FORBIDDEN);
        // a key works on the API only, never as a backoffice login
        assertThat(mvc.get().uri("/redaktion").header(HttpHeaders.AUTHORIZATION, bearer(key)))
                .hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/redaktion/log-ind");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        TestAccount editor = accounts.editor();
        AuthorityDetails owner = anAuthority("Styrelsen for Tilbagekaldelse");
        SelfServiceDetails own = compliance.waveDraft(owner.id(), 1);
        IssuedApiKey key = issue(editor, owner, "Gammelt system");
        String revoke = "/redaktion/api-noegler/" + key.summary().id() + "/tilbagekald";

        assertThat(mvc.post().uri(revoke).with(editor.login()).with(csrf())).hasStatusOk().bodyText()
                .contains("Vil du tilbagekalde nøglen Gammelt system?");
        assertThat(mvc.get().uri("/api/v1/services/{slug}/assessment", own.slug())
                .header(HttpHeaders.AUTHORIZATION, bearer(key))).hasStatusOk();

        assertThat(mvc.post().uri(revoke).with(editor.login()).with(csrf()).param("bekraeftet", "ja"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/api/v1/services/{slug}/assessment", own.slug())
                .header(HttpHeaders.AUTHORIZATION, bearer(key))).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // refused, not taken for an anonymous caller of a public endpoint
        assertThat(mvc.get().uri("/api/v1/topics").header(HttpHeaders.AUTHORIZATION, bearer(key)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(audit.history(ApiKeyService.AUDIT_TYPE, key.summary().id()))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("tilbagekaldt"));
    }

    @Test
    void aKeyThatWasNeverIssuedIsRefused() {
        String[] refused = {"Bearer sbk_AAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer noget-andet",
                "Bearer "};
        for (String authorization : refused) {
            assertThat(mvc.get().uri("/api/v1/topics").header(HttpHeaders.AUTHORIZATION, authorization))
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void anAuthorityEditorCannotIssueKeys() {
        AuthorityDetails owner = anAuthority("Styrelsen uden Nøglerettigheder");
        TestAccount authorityEditor = accounts.authorityEditor(owner.id());
        assertThat(mvc.post().uri("/redaktion/api-noegler").with(authorityEditor.login()).with(csrf())
                .param("authorityId", owner.id().toString()).param("name", "Eget system"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE authority_id = ?").param(owner.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNameAndASelectableAuthorityAreRequired() {
        TestAccount editor = accounts.editor();
        assertThat(mvc.post().uri("/redaktion/api-noegler").with(editor.login()).with(csrf())
                .param("authorityId", "").param("name", "")).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("Skriv systemets navn");
        assertThat(mvc.post().uri("/redaktion/api-noegler").with(editor.login()).with(csrf())
                .param("authorityId", "ikke-en-myndighed").param("name", "System")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText().contains("Vælg en myndighed");
    }

    @Test
    void httpBasicWithTheRightPasswordIsRefusedWhenTurnedOff() {
        TestAccount editor = accounts.editor();
        assertThat(mvc.post().uri("/api/v1/link-checks").header(HttpHeaders.AUTHORIZATION, editor.basic())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(HttpStatus.UNAUTHORIZED);
        // the backoffice login with the same password still works
        assertThat(mvc.post().uri("/redaktion/log-ind").with(csrf()).param("email", editor.email())
                .param("password", editor.password())).redirectedUrl().isEqualTo("/redaktion");
    }

    @Test
    void thePostgresProfileTurnsHttpBasicOffAndTheEmbeddedDefaultLeavesItOn() throws IOException {
        Properties postgres = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-postgres.properties"));
        Properties embedded = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        assertThat(postgres.getProperty("selvbetjening.api.basic-auth-enabled")).isEqualTo("false");
        assertThat(embedded.getProperty("selvbetjening.api.basic-auth-enabled")).isEqualTo("true");
    }

    private void expireIn(IssuedApiKey key, java.time.Duration fromNow) {
        java.time.Instant now = java.time.Instant.now();
        jdbc.sql("UPDATE api_key SET created_at = ?, expires_at = ? WHERE id = ?")
                .param(java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(400))))
                .param(java.sql.Timestamp.from(now.plus(fromNow))).param(key.summary().id()).update();
    }

    @Test
    void aKeyWorksForTheChosenNumberOfDaysWithinTheMaximum() {
        TestAccount editor = accounts.editor();
        AuthorityDetails owner = anAuthority("Styrelsen for Udløb");
        MvcTestResult issued = mvc.post().uri("/redaktion/api-noegler").with(editor.login()).with(csrf())
                .param("scope", "AUTHORITY").param("authorityId", owner.id().toString()).param("name", "Kortlivet")
                .param("validDays", "30").exchange();
        IssuedApiKey key = (IssuedApiKey) issued.getMvcResult().getFlashMap().get("issued");
        assertThat(java.time.Duration.between(key.summary().createdAt(), key.summary().expiresAt()))
                .isEqualTo(java.time.Duration.ofDays(30));
        IssuedApiKey byDefault = issue(editor, owner, "Standard");
        assertThat(java.time.Duration.between(byDefault.summary().createdAt(), byDefault.summary().expiresAt()))
                .isEqualTo(java.time.Duration.ofDays(365));

        for (String days : new String[] {"731", "0", "mange"}) {
            assertThat(mvc.post().uri("/redaktion/api-noegler").with(editor.login()).with(csrf())
                    .param("scope", "AUTHORITY").param("authorityId", owner.id().toString()).param("name", "For længe")
                    .param("validDays", days)).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                    .contains("Skriv et helt antal dage, mindst 1.").contains("Højst 730 dage.");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE name = 'For længe'").query(Long.class).single()).isZero();
    }

    @Test
    void anExpiredKeyIsRefusedWithAProblemSayingWhatToDo() {
        AuthorityDetails owner = anAuthority("Styrelsen for Udløbne Nøgler");
        SelfServiceDetails own = compliance.waveDraft(owner.id(), 1);
        IssuedApiKey key = issue(accounts.editor(), owner, "Udløbet system");
        assertThat(mvc.get().uri("/api/v1/services/{slug}/assessment", own.slug())
                .header(HttpHeaders.AUTHORIZATION, bearer(key))).hasStatusOk();

        expireIn(key, java.time.Duration.ofMinutes(-1));
        MvcTestResult refused = mvc.get().uri("/api/v1/services/{slug}/assessment", own.slug())
                .header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange();
        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.title").isEqualTo("API-nøglen er udløbet");
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().startsWith("Nøglen udløb ")
                .contains("Bed en redaktør om en ny nøgle under API-nøgler");
        assertThat(refused.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        // not taken for an anonymous caller of a public endpoint either
        assertThat(mvc.get().uri("/api/v1/topics").header(HttpHeaders.AUTHORIZATION, bearer(key)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/redaktion/api-noegler").with(accounts.editor().login())).hasStatusOk()
                .bodyText().contains("Udløbet");
    }

    @Test
    void editorsSeeKeysNearExpiryOnTheListAndTheStartPageAndAuthorityEditorsDoNot() {
        AuthorityDetails owner = anAuthority("Styrelsen for Snart Udløbne");
        IssuedApiKey key = issue(accounts.editor(), owner, "Snart udløbet system");
        expireIn(key, java.time.Duration.ofDays(10));

        TestAccount editor = accounts.editor();
        assertThat(mvc.get().uri("/redaktion/api-noegler").with(editor.login())).hasStatusOk().bodyText()
                .contains("Udløber snart: opret en ny nøgle");
        assertThat(mvc.get().uri("/redaktion").with(editor.login())).hasStatusOk().bodyText()
                .containsPattern("\\d+ API-nøgler? udløber snart");
        TestAccount authorityEditor = accounts.authorityEditor(owner.id());
        assertThat(mvc.get().uri("/redaktion").with(authorityEditor.login())).hasStatusOk().bodyText()
                .doesNotContain("udløber snart");
        assertThat(mvc.get().uri("/redaktion/api-noegler").with(authorityEditor.login()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aMetricsKeyReadsTheMetricsAndNothingElse() {
        TestAccount editor = accounts.editor();
        MvcTestResult issued = mvc.post().uri("/redaktion/api-noegler").with(editor.login()).with(csrf())
                .param("scope", "METRICS").param("authorityId", "").param("name", "Prometheus").exchange();
        assertThat(issued).hasStatus3xxRedirection();
        IssuedApiKey metrics = (IssuedApiKey) issued.getMvcResult().getFlashMap().get("issued");
        assertThat(metrics.summary().metrics()).isTrue();
        assertThat(metrics.summary().authorityId()).isNull();
        assertThat(mvc.get().uri("/redaktion/api-noegler").with(editor.login())).hasStatusOk().bodyText()
                .contains("Kun målinger");

        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(metrics)))
                .hasStatusOk().bodyText().contains("jvm_memory_used_bytes");
        // the other actuator endpoints, the API, and the backoffice are not the metrics key's
        assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, bearer(metrics)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/topics").header(HttpHeaders.AUTHORIZATION, bearer(metrics)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api/v1/link-checks").header(HttpHeaders.AUTHORIZATION, bearer(metrics))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/redaktion").header(HttpHeaders.AUTHORIZATION, bearer(metrics)))
                .hasStatus(HttpStatus.FOUND);
        // an authority's key does not read the metrics
        IssuedApiKey authorityKey = issue(editor, anAuthority("Styrelsen uden Målinger"), "Linkimport");
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(authorityKey)))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        // and with HTTP Basic off (as here, and on the postgres profile) an editor's password does not either
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, editor.basic()))
                .hasStatus(HttpStatus.UNAUTHORIZED);

        expireIn(metrics, java.time.Duration.ofMinutes(-1));
        assertThat(mvc.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(metrics)))
                .hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.title")
                .isEqualTo("API-nøglen er udløbet");
    }

    private MvcTestResult topics(String authorization, String address) {
        return mvc.get().uri("/api/v1/topics").header(HttpHeaders.AUTHORIZATION, authorization)
                .with(LoginRequests.from(address)).exchange();
    }

    @Test
    void wrongKeysFromOneAddressAreHeldBackEvenWithTheRightKeyWhichItselfDoesNotCount() {
        int allowed = properties.apiKeyFailuresPerAddress();
        IssuedApiKey key = issue(accounts.editor(), anAuthority("Styrelsen for Gættede Nøgler"), "Rigtigt system");
        // the key's own lookup part with a wrong secret, and a key that never was
        String wrongSecret = "Bearer sbk_" + key.summary().lookupId() + "_" + "A".repeat(43);
        String neverIssued = "Bearer sbk_BBBBBBBBBBB_" + "B".repeat(43);
        String guesser = "198.51.100.23";
        for (int i = 1; i < allowed; i++) {
            assertThat(topics(i % 2 == 0 ? wrongSecret : neverIssued, guesser)).as("wrong key %d", i)
                    .hasStatus(HttpStatus.UNAUTHORIZED);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(topics(bearer(key), guesser)).as("the right key before the limit, not counted").hasStatusOk();
        }
        assertThat(topics(wrongSecret, guesser)).as("the last wrong key allowed").hasStatus(HttpStatus.UNAUTHORIZED);

        for (String authorization : new String[] {wrongSecret, bearer(key)}) {
            MvcTestResult held = topics(authorization, guesser);
            assertThat(held).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(Integer.parseInt(held.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                    .isBetween(1, (int) properties.apiKeyFailureWindow().toSeconds());
            assertThat(held).bodyJson().extractingPath("$.title").isEqualTo("For mange forkerte API-nøgler");
            assertThat(held).bodyJson().extractingPath("$.detail").asString().contains("Vent 15 minutter")
                    .contains("også den rigtige").contains("bed en redaktør om en ny");
        }
        assertThat(jdbc.sql("SELECT used FROM client_allowance WHERE kind = 'api-key' AND client = ?").param(guesser)
                .query(Integer.class).single()).as("only the wrong keys counted").isEqualTo(allowed);
        assertThat(audit.history(ApiKeyService.AUDIT_TYPE, guesser)).as("audited once").hasSize(1);

        String neighbour = "198.51.100.24";
        assertThat(topics(bearer(key), neighbour)).as("another address is not held back").hasStatusOk();
        assertThat(topics(wrongSecret, neighbour)).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
