package dk.selvbetjening.audit;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class AuditLogTests {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheActionAsAKeyWithArgumentsAndReadsItInDanish() {
        UUID subject = UUID.randomUUID();
        transactions.executeWithoutResult(status -> audit.record("test", subject, "audit.compliance.signedOff",
                "Meld flytning", 2026));

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
        transactions.executeWithoutResult(status -> audit.record("test", subject, "godkendt af hånd", null));

        assertThat(audit.history("test", subject)).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("godkendt af hånd"));
        assertThat(audit.latest("test", 0, 10).getContent()).extracting(AuditEntrySummary::action)
                .contains("godkendt af hånd");
    }

    @Test
    void everyAuditKeyInTheCodeHasADanishText() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
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
