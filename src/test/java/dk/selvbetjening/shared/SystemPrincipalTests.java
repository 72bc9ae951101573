package dk.selvbetjening.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class SystemPrincipalTests {

    @AfterEach
    void forgetWhoIsActing() {
        SecurityContextHolder.clearContext();
    }

    private static Authentication current() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    @Test
    void actsAsTheSystemWithItsOwnRoleAndNameAndLeavesNothingBehind() {
        Authentication inside = SystemPrincipal.call(SystemPrincipalTests::current);

        assertThat(SystemPrincipal.is(inside)).isTrue();
        assertThat(inside.getName()).isEqualTo("system");
        assertThat(inside.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_SYSTEM");
        assertThat(inside.isAuthenticated()).isTrue();
        assertThat(current()).isNull();
        assertThat(SystemPrincipal.isCurrent()).isFalse();
    }

    @Test
    void restoresWhoeverWasActingBeforeAlsoAfterAFailure() {
        TestingAuthenticationToken editor = new TestingAuthenticationToken("editor@test.example", null, "ROLE_EDITOR");
        SecurityContextHolder.getContext().setAuthentication(editor);

        SystemPrincipal.run(() -> assertThat(SystemPrincipal.isCurrent()).isTrue());
        assertThat(current()).isSameAs(editor);

        assertThatThrownBy(() -> SystemPrincipal.run(() -> {
            throw new IllegalStateException("the job failed");
        })).hasMessage("the job failed");
        assertThat(current()).isSameAs(editor);
    }

    @Test
    void somethingMerelyNamedSystemWithTheRoleIsNotTheSystem() {
        TestingAuthenticationToken impostor = new TestingAuthenticationToken("system", null, "ROLE_SYSTEM");
        SecurityContextHolder.getContext().setAuthentication(impostor);

        assertThat(SystemPrincipal.isCurrent()).isFalse();
        assertThat(SystemPrincipal.is(null)).isFalse();
    }

    @Test
    void cannotBeTurnedIntoAnUnauthenticatedPrincipal() {
        Authentication system = SystemPrincipal.call(SystemPrincipalTests::current);
        assertThatThrownBy(() -> system.setAuthenticated(false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SystemPrincipal.is(system)).isTrue();
    }
}
