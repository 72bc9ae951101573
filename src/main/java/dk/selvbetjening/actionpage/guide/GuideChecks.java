package dk.selvbetjening.actionpage.guide;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.selvbetjening.actionpage.ActionPageContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The portal's own rules for a good action page (no guide with limits or word lists is published, so every message
 * says the rule is ours). Errors block publishing; warnings inform. Accepts any half-written draft and never
 * throws on its content. Texts come from {@code i18n/guide.properties}, word lists from {@link GuideWordLists}.
 *
 * <p>The LIX of every prose field is reported, URLs left out. A LIX over {@value #LIX_MAX} is a warning for every
 * field but the title: a title of two to five words gets its LIX from its one noun ("Meld flytning" has 52), and
 * has rules of its own.
 */
@Service
public class GuideChecks {

    static final int TITLE_MAX = 60;
    static final int INTRO_MAX = 300;
    static final int INTRO_SENTENCES_MAX = 2;
    static final int LIX_MAX = 40;
    static final String START_PREFIX = "Start ";

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}]*(\\p{L}+)");
    private static final String URL_END = "[^\\s<>\"“”„»«]*";
    /** The characters that end a link: whitespace ({@code \\s}) and quotes or brackets around it. */
    private static final String URL_ENDS = " \t\n\u000B\f\r<>\"“”„»«";
    /** A host without a scheme: {@code www.skat.dk}. */
    private static final Pattern WWW = Pattern.compile("(?<![\\p{L}\\p{N}./@:-])www\\.[\\p{L}\\p{N}-]" + URL_END,
            Pattern.CASE_INSENSITIVE);
    /**
     * A relative or protocol-relative link: {@code /sti}, {@code ./sti}, {@code ../sti}, {@code //host/sti}; a slash
     * after a letter or digit ("og/eller", "24/7") or before a digit ("side 3 /4") is no link.
     */
    private static final Pattern RELATIVE = Pattern.compile(
            "(?<![\\p{L}\\p{N}/.:])(?:\\.{1,2})?/{1,2}\\p{L}" + URL_END);
    /** Punctuation after a link that ends the sentence rather than the link. */
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]'’";

    private final MessageSource messages;
    private final GuideWordLists lists;

    @Autowired
    public GuideChecks(MessageSource messages) {
        this(messages, GuideWordLists.fromClasspath());
    }

    GuideChecks(MessageSource messages, GuideWordLists lists) {
        this.messages = messages;
        this.lists = lists;
    }

    /**
     * Checks an action page's content.
     *
     * @param mandatoryWave whether the self-service is mandatory (a wave solution), which must name alternatives
     */
    public GuideReport check(ActionPageContent content, boolean mandatoryWave) {
        ActionPageContent page = content != null ? content
                : new ActionPageContent(null, null, List.of(), null, null, null, null, null);
        List<GuideFinding> findings = new ArrayList<>();
        checkTitle(page.title(), findings);
        checkIntro(page.intro(), findings);
        if (page.beforeYouStart().stream().allMatch(GuideChecks::blank)) {
            findings.add(error("before-you-start-required", "beforeYouStart"));
        }
        if (!blank(page.startLabel()) && !page.startLabel().strip().startsWith(START_PREFIX)) {
            findings.add(error("start-label-prefix", "startLabel"));
        }
        if (mandatoryWave && blank(page.alternatives())) {
            findings.add(error("alternatives-required", "alternatives"));
        }
        Map<String, List<String>> texts = texts(page);
        texts.forEach((field, fieldTexts) -> checkLinks(field, fieldTexts, findings));
        texts.forEach((field, fieldTexts) -> checkOfficialese(field, fieldTexts, findings));
        Map<String, Integer> lix = new LinkedHashMap<>();
        texts.forEach((field, fieldTexts) -> {
            if (!field.equals("startLabel") && !field.equals("continuesOn")) {
                Lix.of(fieldTexts.stream().map(GuideChecks::withoutUrls).toList())
                        .ifPresent(index -> lix.put(field, index));
            }
        });
        lix.forEach((field, index) -> {
            if (index > LIX_MAX && !field.equals("title")) {
                findings.add(finding("lix", GuideSeverity.WARNING, field, index, LIX_MAX));
            }
        });
        return new GuideReport(findings, lix);
    }

    private void checkTitle(String title, List<GuideFinding> findings) {
        if (blank(title)) {
            findings.add(error("title-required", "title"));
            return;
        }
        String text = title.strip();
        Matcher first = FIRST_WORD.matcher(text);
        String word = first.find() ? first.group(1) : null;
        if (word == null || !lists.isVerb(word)) {
            findings.add(error("title-verb-first", "title", word == null ? text : word));
        }
        int length = text.codePointCount(0, text.length());
        if (length > TITLE_MAX) {
            findings.add(error("title-length", "title", length, TITLE_MAX));
        }
        if (text.endsWith(".")) {
            findings.add(error("title-full-stop", "title"));
        }
    }

    private void checkIntro(String intro, List<GuideFinding> findings) {
        if (blank(intro)) {
            findings.add(error("intro-required", "intro"));
            return;
        }
        String text = intro.strip();
        int sentences = DanishSentences.sentences(text).size();
        if (sentences < 1 || sentences > INTRO_SENTENCES_MAX) {
            findings.add(error("intro-sentences", "intro", sentences, INTRO_SENTENCES_MAX));
        }
        int length = text.codePointCount(0, text.length());
        if (length > INTRO_MAX) {
            findings.add(error("intro-length", "intro", length, INTRO_MAX));
        }
    }

    /** Every URL-like text must be an absolute https URL. */
    private void checkLinks(String field, List<String> texts, List<GuideFinding> findings) {
        for (String text : texts) {
            List<Occurrence> links = new ArrayList<>();
            links.addAll(schemeUrls(text));
            collect(WWW.matcher(text), links);
            collect(RELATIVE.matcher(text), links);
            for (Occurrence link : withoutOverlaps(links)) {
                String url = PlainText.withoutTrailing(link.text(), TRAILING_PUNCTUATION);
                if (!isAbsoluteHttps(url)) {
                    findings.add(error("links-https", field, url));
                }
            }
        }
    }

    private void checkOfficialese(String field, List<String> texts, List<GuideFinding> findings) {
        for (String text : texts) {
            List<Occurrence> found = new ArrayList<>();
            for (GuideWordLists.Officialese entry : lists.officialese()) {
                if (entry.allowedInRules() && field.equals("rules")) {
                    continue;
                }
                Matcher m = entry.pattern().matcher(text);
                while (m.find()) {
                    found.add(new Occurrence(m.start(), m.end(), m.group(), entry.suggestion()));
                }
            }
            for (Occurrence occurrence : withoutOverlaps(found)) {
                findings.add(occurrence.suggestion().isEmpty()
                        ? finding("officialese", GuideSeverity.WARNING, field, occurrence.text())
                        : finding("officialese.suggestion", GuideSeverity.WARNING, field, occurrence.text(),
                                occurrence.suggestion()));
            }
        }
    }

    /** The text fields in the content's order, each as its texts (an item of "before you start" is one text). */
    private static Map<String, List<String>> texts(ActionPageContent page) {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        put(texts, "title", page.title());
        put(texts, "intro", page.intro());
        List<String> items = page.beforeYouStart().stream().filter(item -> !blank(item)).toList();
        if (!items.isEmpty()) {
            texts.put("beforeYouStart", items);
        }
        put(texts, "startLabel", page.startLabel());
        put(texts, "continuesOn", page.continuesOn());
        put(texts, "alternatives", page.alternatives());
        put(texts, "afterwards", page.afterwards());
        put(texts, "moreInformation", page.moreInformation());
        put(texts, "rules", page.rules());
        put(texts, "fees", page.fees());
        put(texts, "deadlines", page.deadlines());
        put(texts, "plannedDowntime", page.plannedDowntime() == null ? null : page.plannedDowntime().message());
        return texts;
    }

    private static void put(Map<String, List<String>> texts, String field, String text) {
        if (!blank(text)) {
            texts.put(field, List.of(text));
        }
    }

    /** The text with its URLs blanked out: an address is not prose, and would count as long words in the LIX. */
    private static String withoutUrls(String text) {
        StringBuilder prose = new StringBuilder(text.length());
        int from = 0;
        for (Occurrence url : schemeUrls(text)) {
            prose.append(text, from, url.start()).append(' ');
            from = url.end();
        }
        prose.append(text, from, text.length());
        return WWW.matcher(prose).replaceAll(" ");
    }

    /**
     * Anything with a scheme ({@code https://…}, {@code http://…}, {@code ftp://…}), in one pass: what
     * {@code (?<![\p{L}\p{N}])[a-z][a-z0-9+.-]*://[^\s<>"“”„»«]*} (ASCII letters in any case) finds. As a regular
     * expression it tried a long run of scheme characters without "://", such as "a.a.a.a…", from each of its
     * letters to its end: quadratic in the run's length. Here each "://" looks back over its own run once.
     */
    private static List<Occurrence> schemeUrls(String text) {
        List<Occurrence> found = new ArrayList<>();
        int searchFrom = 0;
        for (int separator = text.indexOf("://"); separator >= 0; separator = text.indexOf("://", separator + 1)) {
            if (separator < searchFrom) {
                continue;
            }
            int run = separator;
            while (run > searchFrom && isSchemeCharacter(text.charAt(run - 1))) {
                run--;
            }
            int start = -1;
            for (int i = run; i < separator && start < 0; i++) {
                if (isAsciiLetter(text.charAt(i)) && (i == 0 || !PlainText.isLetterOrNumber(text.codePointBefore(i)))) {
                    start = i;
                }
            }
            if (start < 0) {
                continue;
            }
            int end = separator + 3;
            while (end < text.length() && URL_ENDS.indexOf(text.charAt(end)) < 0) {
                end++;
            }
            found.add(new Occurrence(start, end, text.substring(start, end), ""));
            searchFrom = end;
        }
        return found;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSchemeCharacter(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    }

    private static boolean isAbsoluteHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void collect(Matcher matcher, List<Occurrence> into) {
        while (matcher.find()) {
            into.add(new Occurrence(matcher.start(), matcher.end(), matcher.group(), ""));
        }
    }

    /** The occurrences in text order; where two overlap, the one starting first (or, at one place, the longer). */
    private static List<Occurrence> withoutOverlaps(List<Occurrence> occurrences) {
        List<Occurrence> sorted = new ArrayList<>(occurrences);
        sorted.sort(Comparator.comparingInt(Occurrence::start)
                .thenComparing(Comparator.comparingInt(Occurrence::end).reversed()));
        List<Occurrence> kept = new ArrayList<>();
        int end = -1;
        for (Occurrence occurrence : sorted) {
            if (occurrence.start() >= end) {
                kept.add(occurrence);
                end = occurrence.end();
            }
        }
        return kept;
    }

    private GuideFinding error(String rule, String field, Object... arguments) {
        return finding(rule, GuideSeverity.ERROR, field, arguments);
    }

    /** A finding whose message is {@code guide.finding.<key>}; the rule id is the key up to its first full stop. */
    private GuideFinding finding(String key, GuideSeverity severity, String field, Object... arguments) {
        String rule = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        String message = messages.getMessage("guide.finding." + key, arguments, DANISH);
        return new GuideFinding(rule, severity, field, message);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private record Occurrence(int start, int end, String text, String suggestion) {
    }
}
