package dk.selvbetjening.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dk.selvbetjening.account.CreatedAccount;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.FlashMap;

/** Flash attributes must survive Java serialization, as a session kept in the database stores them (ADR 0018). */
class SerializableFlashMapsTests {

    private final SerializableFlashMaps flashMaps = new SerializableFlashMaps();

    private record Unserializable(String text) {
    }

    @Test
    void aSerializableFlashAttributeIsKept() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/redaktion/konti");
        FlashMap flash = new FlashMap();
        flash.put("notice", "account.created");
        flash.put("created", new CreatedAccount(null, "engangskode"));
        flash.put("list", List.of(1, 2));

        flashMaps.saveOutputFlashMap(flash, request, new MockHttpServletResponse());

        assertThat(request.getSession().getAttributeNames().hasMoreElements()).isTrue();
    }

    @Test
    void aFlashAttributeThatCannotBeSerializedIsRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/redaktion/konti");
        FlashMap flash = new FlashMap();
        flash.put("report", new Unserializable("rapport"));

        assertThatThrownBy(() -> flashMaps.saveOutputFlashMap(flash, request, new MockHttpServletResponse()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'report'");
    }
}
