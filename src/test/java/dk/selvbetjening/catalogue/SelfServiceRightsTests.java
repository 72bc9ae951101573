package dk.selvbetjening.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Supplier;

import dk.selvbetjening.account.AccountFixtures;
import dk.selvbetjening.account.AccountFixtures.TestAccount;
import dk.selvbetjening.authority.AuthorityFixtures;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.shared.SystemPrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Who may write the catalogue, per role: editors and the application itself add, change and publish self-services;
 * an authority's editors may only archive their own authority's; visitors and code that names nobody write nothing.
 */
@SpringBootTest
class SelfServiceRightsTests {

    @Autowired
    SelfServiceService services;

    @Autowired
    AuthorityService authorities;

    @Autowired
    AccountFixtures accounts;

    UUID owner;
    TestAccount editor;
    TestAccount ownersEditor;
    TestAccount othersEditor;

    @BeforeEach
    void accounts() {
        owner = authorities.register(AuthorityFixtures.aStateAuthority("Rettighedsstyrelsen " + UUID.randomUUID()))
                .id();
        UUID other = authorities.register(AuthorityFixtures.aStateAuthority("Andenstyrelsen " + UUID.randomUUID()))
                .id();
        editor = accounts.editor();
        ownersEditor = accounts.authorityEditor(owner);
        othersEditor = accounts.authorityEditor(other);
    }

    @Test
    void onlyEditorsAndTheApplicationAddSelfServices() {
        NewSelfService command = aService();
        assertRefused(() -> accounts.runAs(ownersEditor, () -> services.add(command)));
        assertRefused(() -> accounts.runAsVisitor(() -> services.add(command)));
        assertRefused(() -> services.add(command));
        assertThat(services.bySlug(command.slug())).isEmpty();

        assertThat(accounts.runAs(editor, () -> services.add(command)).slug()).isEqualTo(command.slug());
        assertThat(SystemPrincipal.call(() -> services.add(aService())).status()).isEqualTo(SelfServiceStatus.DRAFT);
    }

    @Test
    void onlyEditorsAndTheApplicationProposeChangesAndPublish() {
        SelfServiceDetails service = SystemPrincipal.call(() -> services.add(aService()));
        ServiceChanges changes = new ServiceChanges("Ny titel", service.url(), service.shortDescription(), null, null,
                null);
        assertRefused(() -> accounts.runAs(ownersEditor, () -> {
            services.proposeChanges(service.id(), changes);
            return null;
        }));
        assertRefused(() -> accounts.runAsVisitor(() -> services.publish(service.id())));
        assertRefused(() -> accounts.runAs(ownersEditor, () -> services.publish(service.id())));
        assertRefused(() -> services.publish(service.id()));
        assertThat(services.pendingChanges(service.id())).isEmpty();
        assertThat(services.byId(service.id()).status()).isEqualTo(SelfServiceStatus.DRAFT);

        accounts.runAs(editor, () -> {
            services.proposeChanges(service.id(), changes);
            return null;
        });
        assertThat(accounts.runAs(editor, () -> services.publish(service.id())).title()).isEqualTo("Ny titel");
        SelfServiceDetails another = SystemPrincipal.call(() -> services.add(aService()));
        assertThat(SystemPrincipal.call(() -> services.publish(another.id())).status())
                .isEqualTo(SelfServiceStatus.PUBLISHED);
    }

    @Test
    void anAuthoritysEditorsArchiveTheirOwnAuthoritysSelfServicesOnly() {
        SelfServiceDetails own = SystemPrincipal.call(() -> services.add(aService()));
        assertRefused(() -> accounts.runAs(othersEditor, () -> services.archive(own.id())));
        assertRefused(() -> accounts.runAsVisitor(() -> services.archive(own.id())));
        assertRefused(() -> services.archive(own.id()));
        assertThat(services.byId(own.id()).status()).isEqualTo(SelfServiceStatus.DRAFT);

        assertThat(accounts.runAs(ownersEditor, () -> services.archive(own.id())).status())
                .isEqualTo(SelfServiceStatus.ARCHIVED);
        SelfServiceDetails byEditor = SystemPrincipal.call(() -> services.add(aService()));
        assertThat(accounts.runAs(editor, () -> services.archive(byEditor.id())).status())
                .isEqualTo(SelfServiceStatus.ARCHIVED);
        SelfServiceDetails bySystem = SystemPrincipal.call(() -> services.add(aService()));
        assertThat(SystemPrincipal.call(() -> services.archive(bySystem.id())).status())
                .isEqualTo(SelfServiceStatus.ARCHIVED);
    }

    private NewSelfService aService() {
        return SelfServiceFixtures.aVoluntarySelfService(owner, "https://www.rettigheder.example/" + UUID.randomUUID());
    }

    /** Refused: an account without the right is denied, code that names nobody is not authenticated. */
    private static void assertRefused(Supplier<?> write) {
        assertThatThrownBy(write::get).isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
    }
}
