package dk.selvbetjening.authority.web;

import dk.selvbetjening.authority.AuthorityInput;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An authority to create ({@code POST}) or its new values ({@code PUT}, every field: one left out is cleared).
 * {@code retired} in a PUT retires or reinstates it; left out, it stays as it is (a POST ignores it).
 */
record AuthorityRequest(
        @Schema(example = "Aarhus Kommune") String name,
        @Schema(description = "STATE, REGION, MUNICIPALITY or PRIVATE", example = "MUNICIPALITY") String type,
        @Schema(description = "8 digits passing the modulus-11 check; may be left out until known (the authority "
                + "is then incomplete)", example = "55133018") String cvrNumber,
        @Schema(description = "For a municipality, and only for one", example = "751") String municipalityCode,
        @Schema(description = "For a region, optionally (1081-1085)") String regionCode,
        @Schema(example = "https://www.aarhus.dk") String homepageUrl,
        @Schema(example = "+45 89 40 20 00") String contactPhone,
        @Schema(example = "kommunen@aarhus.dk") String contactEmail,
        Boolean retired) {

    AuthorityInput toInput() {
        return new AuthorityInput(name, type, cvrNumber, municipalityCode, regionCode, homepageUrl, contactPhone,
                contactEmail);
    }
}
