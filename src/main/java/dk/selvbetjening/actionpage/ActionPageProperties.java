package dk.selvbetjening.actionpage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the action pages' anonymous API.
 *
 * @param checksPerMinute guide checks (POST /api/v1/action-pages/check) allowed per client per minute; the editor's
 *                        live checks use it too, so it is well above what one person typing sends
 * @param importsPerMinute Word templates read (POST /api/v1/action-pages/import) per client per minute
 */
@ConfigurationProperties(prefix = "selvbetjening.actionpage")
public record ActionPageProperties(
        @DefaultValue("120") int checksPerMinute,
        @DefaultValue("10") int importsPerMinute) {

    public ActionPageProperties {
        if (checksPerMinute < 1 || importsPerMinute < 1) {
            throw new IllegalArgumentException("checks-per-minute and imports-per-minute must be positive");
        }
    }
}
