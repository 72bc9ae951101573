package dk.selvbetjening.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.selvbetjening.shared.SeparateDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first editor of an empty database. This context starts on its own empty database, so the bootstrap editor is
 * created while the console is captured.
 */
@SpringBootTest
@SeparateDatabase("bootstrap-editor")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class BootstrapEditorTests {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password: (\\S+)");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Test
    void theOneTimePasswordIsPrintedOnceToTheConsoleAndNeverToTheLog(CapturedOutput output) {
        List<String> mentions = output.getAll().lines().filter(line -> line.contains("one-time password")).toList();
        assertThat(mentions).hasSize(1);
        String line = mentions.get(0);
        assertThat(line).as("a plain console line, not a log record").startsWith("Selvbetjening: ")
                .doesNotContain("WARN").doesNotContain("INFO").doesNotContain("BootstrapEditor");
        Matcher password = ONE_TIME_PASSWORD.matcher(line);
        assertThat(password.find()).isTrue();

        assertThat(mvc.post().uri("/redaktion/log-ind").with(csrf()).param("email", BootstrapEditor.DEFAULT_EMAIL)
                .param("password", password.group(1))).redirectedUrl().isEqualTo("/redaktion");
    }

    /** Runs on this context's database with its accounts removed inside the test's transaction (rolled back). */
    @Test
    @Transactional
    void whereTheSettingsAreRequiredAnEmptyDatabaseStopsStartUpWithoutThem() {
        repository.deleteAll();
        for (AccountProperties incomplete : List.of(required(null, null), required("forste@kommune.dk", null),
                required(null, "en lang og hemmelig sætning"))) {
            assertThatThrownBy(() -> new BootstrapEditor(accounts, incomplete).run(null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SELVBETJENING_BOOTSTRAP_EDITOR_EMAIL")
                    .hasMessageContaining("SELVBETJENING_BOOTSTRAP_EDITOR_PASSWORD");
        }
        assertThat(accounts.count()).isZero();

        new BootstrapEditor(accounts, required("forste@kommune.dk", "en lang og hemmelig sætning")).run(null);
        assertThat(repository.findByEmail("forste@kommune.dk")).hasValueSatisfying(
                account -> assertThat(account.mustChangePassword()).isFalse());
    }

    private static AccountProperties required(String email, String password) {
        return new AccountProperties(email, password, true, 50, Duration.ofMinutes(15), 10, Duration.ofMinutes(15), 20,
                Duration.ofMinutes(15));
    }
}
