package dk.selvbetjening.compliance.web;

import java.util.List;

import dk.selvbetjening.compliance.requirement.RequirementDetails;
import io.swagger.v3.oas.annotations.media.Schema;

/** A requirement of Udviklingsvejledningen. */
record RequirementResponse(
        @Schema(description = "The requirement's number, e.g. \"2.10\"") String id,
        @Schema(description = "The area, 1-4") int area,
        String areaTitle,
        String title,
        String text,
        @Schema(description = "false: a draft wording not checked against the official text (ikke verificeret ordlyd)")
        boolean verified,
        @Schema(description = "The requirement's revision; answers to an older wording must be given again")
        int revision) {

    static RequirementResponse of(RequirementDetails r, String areaTitle) {
        return new RequirementResponse(r.number(), r.area(), areaTitle, r.title(), r.wording(), r.verified(),
                r.revision());
    }

    /** The requirements in force and the catalogue version they belong to. */
    record Catalogue(int catalogueVersion, List<RequirementResponse> items) {
    }
}
