package dk.selvbetjening.shared.web;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's description. The server is relative, so the spec is the same whichever host serves it and can be
 * committed as docs/api/openapi.yaml (a test keeps the two equal).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI selvbetjeningOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Selvbetjening API")
                        .version("v1")
                        .description("Open data on the public sector's digital self-services: the catalogue, "
                                + "action pages, municipalities and topics. Errors are RFC 9457 problem details "
                                + "with Danish text.")
                        .license(new License().name("Open data")))
                .servers(List.of(new Server().url("/").description("This portal")));
    }
}
