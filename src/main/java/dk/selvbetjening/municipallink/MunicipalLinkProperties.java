package dk.selvbetjening.municipallink;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the municipal link module.
 *
 * @param maxUploadSize the largest CSV file an import accepts (spring.servlet.multipart limits follow it)
 * @param errorsShown how many row errors the backoffice's import report lists (the API lists them all)
 * @param checkOnSave check a link's URL right after an editor saves it, and warn when it does not work
 */
@ConfigurationProperties(prefix = "selvbetjening.municipallink")
public record MunicipalLinkProperties(
        @DefaultValue("20MB") DataSize maxUploadSize,
        @DefaultValue("1000") int errorsShown,
        @DefaultValue("true") boolean checkOnSave) {

    public MunicipalLinkProperties {
        if (maxUploadSize.toBytes() <= 0 || errorsShown < 1) {
            throw new IllegalArgumentException("max-upload-size and errors-shown must be positive");
        }
    }
}
