package dk.selvbetjening.connection.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.selvbetjening.connection.FieldProblem;

/**
 * The service's problems as the page shows them: input id → Danish message, in the order of the fields on the
 * page, so the error summary reads like the form and each link jumps to its field.
 */
final class FieldErrors {

    /** The service's field names in page order; a name's position decides its place in the summary. */
    private static final List<String> PAGE_ORDER = List.of("kind", "existingServiceId", "title", "shortDescription",
            "serviceKind", "formReturn", "scope", "url", "municipalLinks", "loginMethod", "topics", "plannedGoLive",
            "plannedGoLive-month", "plannedGoLive-year", "authority", "actionPage.title", "actionPage.intro",
            "actionPage.beforeYouStart", "actionPage.startLabel", "actionPage.continuesOn", "actionPage.alternatives",
            "actionPage.afterwards", "actionPage.rules", "actionPage.fees", "actionPage.deadlines",
            "actionPage.moreInformation", "actionPage.downtimeFrom", "actionPage.downtimeUntil",
            "actionPage.downtimeMessage", "actionPage.plannedDowntime", "supplierName", "supplierEmail");

    private FieldErrors() {
    }

    /** Input id per field problem; {@code messageId} is the id of the message textarea of a review action. */
    static Map<String, String> of(List<FieldProblem> problems, String messageId) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.stream()
                .sorted(Comparator.comparingInt(p -> position(p.field())))
                .forEach(p -> errors.merge(inputId(p.field(), messageId), p.message(), (a, b) -> a + " " + b));
        return errors;
    }

    static Map<String, String> of(List<FieldProblem> problems) {
        return of(problems, "message");
    }

    private static int position(String field) {
        int index = PAGE_ORDER.indexOf(field);
        return index < 0 ? PAGE_ORDER.size() : index;
    }

    private static String inputId(String field, String messageId) {
        return switch (field) {
            case "authority" -> "authorityCvr";
            case "actionPage.plannedDowntime" -> "actionPage.downtimeMessage";
            case "message" -> messageId;
            default -> field;
        };
    }
}
