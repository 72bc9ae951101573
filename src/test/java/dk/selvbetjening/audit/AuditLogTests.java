package dk.selvbetjening.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log on its own: the module and what it uses ({@code shared}), with the database; no web, no other module. */
@ApplicationModuleTest(extraIncludes = "shared")
class AuditLogTests {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetWhoIsActing() {
        SecurityContextHolder.clearContext();
    }

    private void recordAsTheSystem(UUID subject, String action, String details, Object... arguments) {
        SystemPrincipal.run(() -> transactions.executeWithoutResult(status ->
                audit.record("test", subject, action, details, arguments)));
    }

    @Test
    void storesTheActionAsAKeyWithArgumentsAndReadsItInDanish() {
        UUID subject = UUID.randomUUID();
        recordAsTheSystem(subject, "audit.compliance.signedOff", "Meld flytning", 2026);

        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id = ?").param(subject.toString())
                .query(String.class).single()).isEqualTo("audit.compliance.signedOff");
        assertThat(audit.history("test", subject)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("klarmeldt for 2026");
            assertThat(entry.details()).isEqualTo("Meld flytning");
        });
    }

    @Test
    void entriesWrittenBeforeKeysReadAsTheirStoredText() {
        UUID subject = UUID.randomUUID();
        recordAsTheSystem(subject, "godkendt af hånd", null);

        assertThat(audit.history("test", subject)).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("godkendt af hånd"));
        assertThat(audit.latest("test", 0, 10).getContent()).extracting(AuditEntrySummary::action)
                .contains("godkendt af hånd");
    }

    @Test
    void recordsTheAccountTheSystemOrAnAnonymousVisitorAsTheActor() {
        UUID subject = UUID.randomUUID();
        recordAsTheSystem(subject, "godkendt af jobbet", null);
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("redaktoer@test.example", null, "ROLE_EDITOR"));
        transactions.executeWithoutResult(status -> audit.record("test", subject, "rettet", null));
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        transactions.executeWithoutResult(status -> audit.record("test", subject, "indsendt", null));

        assertThat(audit.history("test", subject)).extracting(AuditEntrySummary::actor)
                .containsExactlyInAnyOrder(AuditLog.SYSTEM, "redaktoer@test.example", AuditLog.ANONYMOUS);
    }

    @Test
    void aChangeWithNoOneActingIsRefusedAndNothingIsWritten() {
        UUID subject = UUID.randomUUID();
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> audit.record("test", subject, "ukendt", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(AuditLog::currentActor).isInstanceOf(AccessDeniedException.class);
        assertThat(audit.history("test", subject)).isEmpty();
    }

    @Test
    void everyAuditKeyInTheCodeHasADanishText() throws IOException {
        // messages.properties and the modules' own bundles (spring.messages.basename)
        Properties texts = new Properties();
        try (Stream<Path> bundles = Stream.concat(Stream.of(Path.of("src/main/resources/messages.properties")),
                Files.list(Path.of("src/main/resources/i18n")).filter(p -> p.toString().endsWith(".properties")))) {
            for (Path bundle : bundles.toList()) {
                try (InputStream in = Files.newInputStream(bundle)) {
                    texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        }
        Pattern key = Pattern.compile("\"(audit\\.[a-z]+\\.[A-Za-z.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = key.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(30);
        used.stream().filter(k -> !k.endsWith("."))
                .forEach(k -> assertThat(texts.getProperty(k)).as(k).isNotBlank());
        for (String change : new String[] {"ADDED", "REWORDED", "RETIRED", "REINSTATED", "VERIFIED"}) {
            assertThat(texts.getProperty("audit.compliance.requirement." + change)).isNotBlank();
        }
    }
}
