package dk.selvbetjening.municipallink;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the municipal link module.
 *
 * @param maxUploadSize the largest CSV file an import accepts (spring.servlet.multipart limits follow it)
 * @param errorsShown how many row errors the backoffice's import report lists (the API lists them all)
 */
@ConfigurationProperties(prefix = "selvbetjening.municipallink")
public record MunicipalLinkProperties(
        @DefaultValue("20MB") DataSize maxUploadSize,
        @DefaultValue("1000") int errorsShown) {

    public MunicipalLinkProperties {
        if (maxUploadSize.toBytes() <= 0 || errorsShown < 1) {
            throw new IllegalArgumentException("max-upload-size and errors-shown must be positive");
        }
    }
}
