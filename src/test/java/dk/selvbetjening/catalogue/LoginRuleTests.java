package dk.selvbetjening.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dk.selvbetjening.authority.AuthorityType;
import org.junit.jupiter.api.Test;

class LoginRuleTests {

    @Test
    void aPrivateActorMayNotUseNemLogInButEveryOtherMethod() {
        assertThat(LoginRule.of(AuthorityType.PRIVATE, LoginMethod.MITID_NEMLOGIN))
                .isEqualTo(LoginRule.PRIVATE_OWNER_WITH_NEMLOGIN).matches(LoginRule::refuses);
        for (LoginMethod method : new LoginMethod[] {LoginMethod.MITID_BROKER, LoginMethod.MITID_ERHVERV,
                LoginMethod.NONE}) {
            assertThat(LoginRule.of(AuthorityType.PRIVATE, method)).as("%s", method).isEqualTo(LoginRule.FOLLOWED);
        }
    }

    @Test
    void aPublicAuthorityWithABrokerIsAllowedButWarned() {
        for (AuthorityType type : new AuthorityType[] {AuthorityType.STATE, AuthorityType.REGION,
                AuthorityType.MUNICIPALITY}) {
            assertThat(LoginRule.of(type, LoginMethod.MITID_BROKER)).as("%s", type)
                    .isEqualTo(LoginRule.PUBLIC_OWNER_WITH_BROKER).matches(LoginRule::warns)
                    .matches(rule -> !rule.refuses());
            assertThat(LoginRule.of(type, LoginMethod.MITID_NEMLOGIN)).isEqualTo(LoginRule.FOLLOWED);
        }
    }

    @Test
    void anUnknownOwnerOrMethodIsNotJudged() {
        assertThat(LoginRule.of(null, LoginMethod.MITID_NEMLOGIN)).isEqualTo(LoginRule.FOLLOWED);
        assertThat(LoginRule.of(AuthorityType.PRIVATE, null)).isEqualTo(LoginRule.FOLLOWED);
        assertThat(LoginRule.FOLLOWED.messageKey()).isNull();
        assertThat(LoginRule.PRIVATE_OWNER_WITH_NEMLOGIN.messageKey()).isEqualTo("catalogue.loginRule.privateNemLogin");
    }
}
