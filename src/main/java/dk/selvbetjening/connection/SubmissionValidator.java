package dk.selvbetjening.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.LoginRule;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceNotFoundException;
import dk.selvbetjening.catalogue.SelfServiceScope;
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
    static final int URL_MAX = 2000;
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
        SelfServiceScope scope = scope(s.scope(), existing, problems);
        String url = scope == SelfServiceScope.MUNICIPAL ? noUrl(s.url(), problems) : url(s.url(), problems);
        String shortDescription = text(s.shortDescription(), "shortDescription", SHORT_DESCRIPTION_MAX,
                "connection.error.shortDescription", problems);
        String supplierName = text(s.supplierName(), "supplierName", NAME_MAX, "connection.error.supplierName",
                problems);
        String supplierEmail = s.supplierEmail() == null ? "" : s.supplierEmail().strip();
        if (supplierEmail.isEmpty()) {
            problems.add(problem("supplierEmail", "connection.error.supplierEmail.missing"));
        } else if (!EMAIL.matcher(supplierEmail).matches() || supplierEmail.length() > 254) {
            problems.add(problem("supplierEmail", "connection.error.supplierEmail"));
        }
        String cvr = blankToNull(s.authorityCvr());
        UUID authorityId = null;
        if (cvr != null) {
            cvr = cvr.replace(" ", "");
            if (!cvr.matches("\\d{8}")) {
                problems.add(problem("authority", "connection.error.cvr"));
            } else if (!CvrNumber.isValid(cvr)) {
                problems.add(problem("authority", "connection.error.cvr.checksum"));
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
        Set<FormReturn> formReturn = formReturn(s.formReturn(), serviceKind, problems);
        SortedMap<Integer, String> municipalLinks = municipalLinks(s.municipalLinks(), kind, scope, problems);
        loginRule(authorityId, loginMethod, problems);
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
        ActionPageContent actionPage = actionPage(s.actionPage(), problems);
        s.inputProblems().forEach((field, key) -> problems.add(problem(field, key)));
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        return new ValidSubmission(kind, existing == null ? null : existing.id(), title, url,
                url == null ? null : ServiceUrl.normalize(url), shortDescription, supplierName, supplierEmail, cvr,
                authorityId, loginMethod, serviceKind, formReturn, scope, municipalLinks, topics, goLive, actionPage);
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

    /** A national solution's https address; what is wrong with it, one message per kind of mistake. */
    private String url(String given, List<FieldProblem> problems) {
        String url = given == null ? "" : given.strip();
        if (!isHttpsUrl(url)) {
            problems.add(problem("url", urlProblem(url), URL_MAX));
        }
        return url;
    }

    private static String urlProblem(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (url.isEmpty()) {
            return "connection.error.url.missing";
        }
        if (url.length() > URL_MAX) {
            return "connection.error.url.tooLong";
        }
        if (lower.startsWith("http://")) {
            return "connection.error.url.http";
        }
        if (!lower.contains("://")) {
            return "connection.error.url.noScheme";
        }
        try {
            if (new URI(url).getRawUserInfo() != null) {
                return "connection.error.url.userInfo";
            }
        } catch (URISyntaxException e) {
            return "connection.error.url";
        }
        return "connection.error.url";
    }

    private static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && url.length() <= URL_MAX;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A municipal solution has no URL of its own: one per municipality. */
    private String noUrl(String given, List<FieldProblem> problems) {
        if (blankToNull(given) != null) {
            problems.add(problem("url", "connection.error.urlMunicipal"));
        }
        return null;
    }

    /** NATIONAL unless given; an EXISTING request keeps its self-service's scope. */
    private SelfServiceScope scope(String given, SelfServiceDetails existing, List<FieldProblem> problems) {
        String value = enumValue(given, SelfServiceScope.class, "scope", "connection.error.scope", problems);
        SelfServiceScope scope = value == null ? SelfServiceScope.NATIONAL : SelfServiceScope.valueOf(value);
        if (existing == null) {
            return scope;
        }
        if (value != null && scope != existing.scope()) {
            problems.add(problem("scope", "connection.error.scopeChanged"));
        }
        return existing.scope();
    }

    /** How a form may be returned: required for a FORM, and only for a FORM. */
    private Set<FormReturn> formReturn(List<String> given, String serviceKind, List<FieldProblem> problems) {
        Set<FormReturn> formReturn = EnumSet.noneOf(FormReturn.class);
        for (String value : given) {
            String name = enumValue(value, FormReturn.class, "formReturn", "connection.error.formReturn", problems);
            if (name != null) {
                formReturn.add(FormReturn.valueOf(name));
            }
        }
        boolean form = SelfServiceKind.FORM.name().equals(serviceKind);
        if (form && formReturn.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("formReturn"))) {
            problems.add(problem("formReturn", "connection.error.formReturnMissing"));
        } else if (!form && !formReturn.isEmpty()) {
            problems.add(problem("formReturn", "connection.error.formReturnNotForm"));
        }
        return formReturn;
    }

    /**
     * A NEW municipal request's links for the municipalities the submitter knows (code → https URL); none for a
     * national request, and none for a change (the municipalities keep their own links).
     */
    private SortedMap<Integer, String> municipalLinks(Map<String, String> given, ConnectionRequestKind kind,
            SelfServiceScope scope, List<FieldProblem> problems) {
        SortedMap<Integer, String> links = new TreeMap<>();
        if (given.isEmpty()) {
            return links;
        }
        if (scope != SelfServiceScope.MUNICIPAL) {
            problems.add(problem("municipalLinks", "connection.error.municipalLinksNational"));
            return links;
        }
        if (kind == ConnectionRequestKind.EXISTING) {
            problems.add(problem("municipalLinks", "connection.error.municipalLinksExisting"));
            return links;
        }
        Set<Integer> known = authorities.municipalities().stream().map(MunicipalitySummary::code)
                .collect(Collectors.toSet());
        given.forEach((code, url) -> {
            Integer number = municipalityCode(code, known);
            String address = url == null ? "" : url.strip();
            if (number == null) {
                problems.add(problem("municipalLinks", "connection.error.municipalityUnknown", code));
            } else if (!isHttpsUrl(address)) {
                problems.add(problem("municipalLinks", "connection.error.municipalLink", number));
            } else if (links.putIfAbsent(number, address) != null) {
                problems.add(problem("municipalLinks", "connection.error.municipalityTwice", number));
            }
        });
        return links;
    }

    /** The code ("101" or "0101") if it is one of the {@code known} municipalities' codes; null when it is not. */
    private static Integer municipalityCode(String code, Set<Integer> known) {
        String digits = code == null ? "" : code.strip();
        if (!digits.matches("\\d{3,4}")) {
            return null;
        }
        int number = Integer.parseInt(digits);
        return known.contains(number) ? number : null;
    }

    /** A private owner's solution may not use NemLog-in ({@link LoginRule}). */
    private void loginRule(UUID authorityId, String loginMethod, List<FieldProblem> problems) {
        if (authorityId == null || loginMethod == null) {
            return;
        }
        LoginRule rule = LoginRule.of(authorities.authority(authorityId).type(), LoginMethod.valueOf(loginMethod));
        if (rule.refuses()) {
            problems.add(problem("loginMethod", rule.messageKey()));
        }
    }

    /** An empty proposal, or a whole text within the action page's own limits (the editor's). */
    private ActionPageContent actionPage(ActionPageContent ap, List<FieldProblem> problems) {
        if (!ap.hasText()) {
            return Submission.NO_ACTION_PAGE;
        }
        ap.problems().forEach((element, key) -> problems.add(problem("actionPage." + element, key)));
        return new ActionPageContent(blankToNull(ap.title()), blankToNull(ap.intro()),
                ap.beforeYouStart().stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList(),
                blankToNull(ap.startLabel()), blankToNull(ap.continuesOn()), blankToNull(ap.alternatives()),
                blankToNull(ap.afterwards()), blankToNull(ap.moreInformation()), blankToNull(ap.rules()),
                blankToNull(ap.fees()), blankToNull(ap.deadlines()), ap.plannedDowntime());
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

    /** A required text: {@code key} when it is missing, {@code key}.tooLong (with the limit) when it is too long. */
    private String text(String given, String field, int max, String key, List<FieldProblem> problems) {
        String value = given == null ? "" : given.strip();
        if (value.isEmpty()) {
            problems.add(problem(field, key));
        } else if (value.length() > max) {
            problems.add(problem(field, key + ".tooLong", max));
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
