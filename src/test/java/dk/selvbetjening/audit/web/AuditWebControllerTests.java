package dk.selvbetjening.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.account.AccountService;
import dk.selvbetjening.account.SecuredWebSlice;
import dk.selvbetjening.account.SecuredWebSlice.Logins;
import dk.selvbetjening.audit.AuditEntrySummary;
import dk.selvbetjening.audit.AuditLog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import dk.selvbetjening.shared.web.AuditNames;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The audit log page for editors: the log's page of entries for the chosen type, with paging. What is stored and how
 * it reads in Danish is {@code AuditLogTests}'; here the log is a mock.
 */
@WebMvcTest(AuditWebController.class)
@SecuredWebSlice
class AuditWebControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AuditLog audit;

    @Autowired
    AccountService accounts;

    /** Names as the modules give them: here one account, known by its id and its address. */
    @TestConfiguration
    static class Names {
        @Bean
        AuditNames oneAccount() {
            return new AuditNames() {
                @Override
                public Optional<Named> subject(String type, String id) {
                    return "konto".equals(type) && id.equals(NAMED) ? Optional.of(new Named("Rita Redaktør",
                            "/redaktion/konti")) : Optional.empty();
                }

                @Override
                public Optional<String> actor(String actor) {
                    return "redaktoer@test.example".equals(actor) ? Optional.of("Rita Redaktør (redaktoer@test.example)")
                            : Optional.empty();
                }
            };
        }
    }

    static final String NAMED = UUID.randomUUID().toString();

    private Document page(String uri) throws Exception {
        return Jsoup.parse(mvc.get().uri(uri).with(Logins.editor(accounts)).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static Page<AuditEntrySummary> entries(int page, long total, AuditEntrySummary... entries) {
        return new PageImpl<>(List.of(entries), PageRequest.of(page, AuditWebController.PAGE_SIZE), total);
    }

    @Test
    void editorsSeeTheLogsEntriesOfTheChosenTypeAndPageThroughThem() throws Exception {
        String unknown = UUID.randomUUID().toString();
        given(audit.latest("konto", 1, AuditWebController.PAGE_SIZE)).willReturn(entries(1, 120,
                new AuditEntrySummary(Instant.parse("2026-05-01T10:00:00Z"), "redaktoer@test.example", "konto",
                        NAMED, "deaktiveret", "Efter aftale"),
                new AuditEntrySummary(Instant.parse("2026-05-01T10:00:00Z"), "anonym", "konto",
                        unknown, "log-ind fejlet", null),
                new AuditEntrySummary(Instant.parse("2026-05-01T10:00:00Z"), "system", "konto",
                        unknown, "oprettet", null)));

        Document log = page("/redaktion/log?type=konto&page=1");
        assertThat(log.select("tbody tr:first-child td").eachText()).as("people and subjects by name")
                .containsExactly("1. maj 2026 kl. 12.00", "Rita Redaktør (redaktoer@test.example)",
                        "konto: Rita Redaktør", "deaktiveret", "Efter aftale");
        assertThat(log.select("tbody tr:first-child td a").attr("href")).isEqualTo("/redaktion/konti");
        assertThat(log.select("tbody tr:nth-child(2) td").eachText()).as("no \"anonym\"; an unknown id as it is")
                .startsWith("1. maj 2026 kl. 12.00", "Ikke logget ind (fx leverandørens anmodning)", "konto: " + unknown);
        assertThat(log.select("tbody tr:nth-child(3) td").eachText()).contains("Systemet");
        assertThat(log.select("#type option[selected]").val()).as("the filter shows the chosen type")
                .isEqualTo("konto");
        assertThat(log.select("section nav a").eachAttr("href")).containsExactly("/redaktion/log?type=konto&page=0",
                "/redaktion/log?type=konto&page=2");
        assertThat(log.select("section nav span").text()).isEqualTo("Side 2 af 3");
    }

    @Test
    void allTypesFromTheFirstPageAndANegativePageIsTheFirst() throws Exception {
        given(audit.latest(null, 0, AuditWebController.PAGE_SIZE)).willReturn(entries(0, 0));
        assertThat(page("/redaktion/log?page=-3").text()).contains("Der er ingen ændringer endnu.");
        then(audit).should().latest(null, 0, AuditWebController.PAGE_SIZE);
        assertThat(page("/redaktion/log").select("table")).isEmpty();
    }

    @Test
    void onlyEditorsSeeTheLog() {
        assertThat(mvc.get().uri("/redaktion/log")).hasStatus(HttpStatus.FOUND).redirectedUrl()
                .endsWith("/redaktion/log-ind");
        assertThat(mvc.get().uri("/redaktion/log").with(Logins.authorityEditor(accounts, UUID.randomUUID())))
                .hasStatus(HttpStatus.FORBIDDEN);
        then(audit).should(never()).latest(any(), anyInt(), anyInt());
    }
}
