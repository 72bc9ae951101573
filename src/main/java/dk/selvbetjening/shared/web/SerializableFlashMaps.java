package dk.selvbetjening.shared.web;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Flash attributes (what a redirect after a POST shows once) live in the session, and on the postgres profile the
 * session lives in the database (Spring Session JDBC, ADR 0018), where each attribute is stored with Java
 * serialization. This manager refuses a flash attribute that cannot be serialized on every profile, so a record
 * that would break a redirect only on several nodes fails the embedded default and its tests as well.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class SerializableFlashMaps extends SessionFlashMapManager {

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
            HttpServletResponse response) {
        for (FlashMap flashMap : flashMaps) {
            flashMap.forEach((name, value) -> requireSerializable(name, value));
        }
        super.updateFlashMaps(flashMaps, request, response);
    }

    private static void requireSerializable(String name, Object value) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("The flash attribute '" + name + "' (" + value.getClass().getName()
                    + ") cannot be kept in a session stored in the database", e);
        }
    }
}
