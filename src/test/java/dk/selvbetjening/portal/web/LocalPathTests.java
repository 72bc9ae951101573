package dk.selvbetjening.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathTests {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/handlingsside/meld-flytning", "/emner/aeldre?x=1", "/handlingsside/x?kommunekode=101"})
    void acceptsPathsOnThisSite(String path) {
        assertThat(LocalPath.isLocal(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "evil", "javascript:alert(1)",
            "/x\r\nSet-Cookie: a=b", "/æ", "/a b", ""})
    void refusesAnythingThatCouldLeaveTheSite(String path) {
        assertThat(LocalPath.isLocal(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/x?a=[b]", "/x?a={b}", "/x?a=%zz", "/x#{y}", "/x?a=%"})
    void refusesWhatCannotBeWrittenBackIntoALink(String path) {
        assertThat(LocalPath.isLocal(path)).isFalse();
    }
}
