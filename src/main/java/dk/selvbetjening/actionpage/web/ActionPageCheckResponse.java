package dk.selvbetjening.actionpage.web;

import java.util.List;
import java.util.Map;

import dk.selvbetjening.actionpage.guide.GuideFinding;
import dk.selvbetjening.actionpage.guide.GuideReport;
import dk.selvbetjening.actionpage.guide.GuideSeverity;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the guide checks found, and the LIX of each text field that has text. */
record ActionPageCheckResponse(
        List<FindingResponse> findings,
        @Schema(description = "LIX readability index per text field, e.g. {\"title\": 12, \"intro\": 31}")
        Map<String, Integer> lix) {

    static ActionPageCheckResponse of(GuideReport report) {
        return new ActionPageCheckResponse(report.findings().stream().map(FindingResponse::of).toList(), report.lix());
    }

    /** One finding. */
    @Schema(name = "ActionPageCheckFinding")
    record FindingResponse(
            @Schema(description = "The rule's stable id, e.g. title-verb-first") String rule,
            @Schema(description = "ERROR blocks publishing, WARNING informs") GuideSeverity severity,
            @Schema(description = "The field it is about, named as in the request") String field,
            @Schema(description = "What to change, in Danish") String message) {

        static FindingResponse of(GuideFinding finding) {
            return new FindingResponse(finding.rule(), finding.severity(), finding.field(), finding.message());
        }
    }
}
