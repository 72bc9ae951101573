package dk.selvbetjening.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.catalogue.ServiceUrl;
import dk.selvbetjening.catalogue.TopicSummary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Checks a submission and says, field by field and in Danish, what to fix. */
@Component
class SubmissionValidator {

    static final int TITLE_MAX = 120;
    static final int SHORT_DESCRIPTION_MAX = 500;
    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final SelfServiceService services;
    private final AuthorityService authorities;
    private final MessageSource messages;
    private final Clock clock;

    SubmissionValidator(SelfServiceService services, AuthorityService authorities, MessageSource messages,
            Clock clock) {
        this.services = services;
        this.authorities = authorities;
        this.messages = messages;
        this.clock = clock;
    }

    ValidSubmission validate(Submission s) {
        List<FieldProblem> problems = new ArrayList<>();
        ConnectionRequestKind kind = null;
        if (s.kind() == null || s.kind().isBlank()) {
            problems.add(problem("kind", "connection.error.kind"));
        } else {
            try {
                kind = ConnectionRequestKind.valueOf(s.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(problem("kind", "connection.error.kind"));
            }
        }
        SelfServiceDetails existing = null;
        if (kind == ConnectionRequestKind.EXISTING) {
            existing = existingService(s.existingServiceId(), problems);
        }
        String title = text(s.title(), "title", TITLE_MAX, "connection.error.title", problems);
        String url = url(s.url(), problems);
        String shortDescription = text(s.shortDescription(), "shortDescription", SHORT_DESCRIPTION_MAX,
                "connection.error.shortDescription", problems);
        String supplierName = text(s.supplierName(), "supplierName", NAME_MAX, "connection.error.supplierName",
                problems);
        String supplierEmail = s.supplierEmail() == null ? "" : s.supplierEmail().strip();
        if (!EMAIL.matcher(supplierEmail).matches() || supplierEmail.length() > 254) {
            problems.add(problem("supplierEmail", "connection.error.supplierEmail"));
        }
        String cvr = blankToNull(s.authorityCvr());
        UUID authorityId = null;
        if (cvr != null) {
            cvr = cvr.replace(" ", "");
            if (!CvrNumber.isValid(cvr)) {
                problems.add(problem("authority", "connection.error.cvr"));
            } else {
                // An unknown CVR number is accepted: the editors register the authority from the review page, and the
                // request finds it by its CVR number when approved. A retired authority cannot be named.
                AuthorityDetails named = authorities.authorityByCvr(new CvrNumber(cvr)).orElse(null);
                if (named != null && named.isRetired()) {
                    problems.add(problem("authority", "connection.error.cvrRetired", cvr, named.name()));
                } else if (named != null) {
                    authorityId = named.id();
                }
            }
        }
        if (existing != null) {
            authorityId = existing.authorityId();
        }
        String loginMethod = enumValue(s.loginMethod(), LoginMethod.class, "loginMethod",
                "connection.error.loginMethod", problems);
        String serviceKind = enumValue(s.serviceKind(), SelfServiceKind.class, "serviceKind",
                "connection.error.serviceKind", problems);
        Set<String> knownTopics = services.topics().stream().map(TopicSummary::slug).collect(Collectors.toSet());
        List<String> topics = s.topics().stream().map(String::strip).distinct().toList();
        if (!knownTopics.containsAll(topics)) {
            problems.add(problem("topics", "connection.error.topics"));
        }
        LocalDate goLive = null;
        if (blankToNull(s.plannedGoLive()) != null) {
            try {
                goLive = LocalDate.parse(s.plannedGoLive().strip());
                if (goLive.isBefore(LocalDate.now(clock))) {
                    problems.add(problem("plannedGoLive", "connection.error.goLivePast"));
                }
            } catch (DateTimeParseException e) {
                problems.add(problem("plannedGoLive", "connection.error.goLiveFormat"));
            }
        }
        ActionPageText actionPage = actionPage(s.actionPage(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        return new ValidSubmission(kind, existing == null ? null : existing.id(), title, url,
                ServiceUrl.normalize(url), shortDescription, supplierName, supplierEmail, cvr, authorityId,
                loginMethod, serviceKind, topics, goLive, actionPage);
    }

    private SelfServiceDetails existingService(String given, List<FieldProblem> problems) {
        if (blankToNull(given) == null) {
            problems.add(problem("existingServiceId", "connection.error.existingMissing"));
            return null;
        }
        try {
            return services.byId(UUID.fromString(given.strip()));
        } catch (IllegalArgumentException | SelfServiceNotFoundException e) {
            problems.add(problem("existingServiceId", "connection.error.existingUnknown"));
            return null;
        }
    }

    private String url(String given, List<FieldProblem> problems) {
        String url = given == null ? "" : given.strip();
        boolean ok = false;
        try {
            URI uri = new URI(url);
            ok = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && url.length() <= 2000;
        } catch (URISyntaxException e) {
            ok = false;
        }
        if (!ok) {
            problems.add(problem("url", "connection.error.url"));
        }
        return url;
    }

    private ActionPageText actionPage(ActionPageText ap, List<FieldProblem> problems) {
        checkLength(ap.title(), "actionPage.title", TITLE_MAX, problems);
        checkLength(ap.intro(), "actionPage.intro", 600, problems);
        checkLength(ap.startLabel(), "actionPage.startLabel", TITLE_MAX, problems);
        checkLength(ap.continuesOn(), "actionPage.continuesOn", NAME_MAX, problems);
        checkLength(ap.alternatives(), "actionPage.alternatives", TEXT_MAX, problems);
        checkLength(ap.afterwards(), "actionPage.afterwards", TEXT_MAX, problems);
        checkLength(ap.moreInformation(), "actionPage.moreInformation", TEXT_MAX, problems);
        if (ap.beforeYouStart().size() > 20 || ap.beforeYouStart().stream().anyMatch(i -> i.length() > 500)) {
            problems.add(problem("actionPage.beforeYouStart", "connection.error.beforeYouStart"));
        }
        return new ActionPageText(blankToNull(ap.title()), blankToNull(ap.intro()), ap.beforeYouStart(),
                blankToNull(ap.startLabel()), blankToNull(ap.continuesOn()), blankToNull(ap.alternatives()),
                blankToNull(ap.afterwards()), blankToNull(ap.moreInformation()));
    }

    private void checkLength(String text, String field, int max, List<FieldProblem> problems) {
        if (text != null && text.strip().length() > max) {
            problems.add(problem(field, "connection.error.tooLong", max));
        }
    }

    private <E extends Enum<E>> String enumValue(String given, Class<E> type, String field, String key,
            List<FieldProblem> problems) {
        String value = blankToNull(given);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            problems.add(problem(field, key));
            return null;
        }
    }

    private String text(String given, String field, int max, String key, List<FieldProblem> problems) {
        String value = given == null ? "" : given.strip();
        if (value.isEmpty() || value.length() > max) {
            problems.add(problem(field, key, max));
        }
        return value;
    }

    private FieldProblem problem(String field, String key, Object... args) {
        return new FieldProblem(field, messages.getMessage(key, args, DANISH));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
