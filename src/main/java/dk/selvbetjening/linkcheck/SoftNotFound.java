package dk.selvbetjening.linkcheck;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a "soft 404": a page answered 200 whose {@code <title>} or first {@code <h1>} says, in Danish or
 * English, that the page was not found.
 */
final class SoftNotFound {

    private static final List<Pattern> PHRASES = List.of(
            Pattern.compile("\\bsiden (?:findes|eksisterer) (?:desværre |desvaerre )?(?:ikke|ikke længere|ikke mere)\\b"),
            Pattern.compile("\\bsiden (?:blev|kunne) (?:desværre )?ikke (?:fundet|findes)\\b"),
            Pattern.compile("\\bside(?:n)? (?:er )?ikke fundet\\b"),
            Pattern.compile("\\bkunne ikke finde (?:den )?side(?:n)?\\b"),
            Pattern.compile("\\bvi kan ikke finde (?:den )?side(?:n)?\\b"),
            Pattern.compile("\\bsiden er (?:flyttet eller )?(?:slettet|fjernet)\\b"),
            Pattern.compile("^(?:error |fejl |http )?404(?![\\w.,/-])"),
            Pattern.compile("\\b(?:fejl|error|http|status|fejlkode)[ :]*404\\b"),
            Pattern.compile("\\b404[ :|–—-]*(?:not found|error|fejl|side|siden|ikke fundet)\\b"),
            Pattern.compile("\\bpage not found\\b"),
            Pattern.compile("^not found$"),
            Pattern.compile("\\bpage (?:does not|doesn't|doesn’t) exist\\b"),
            Pattern.compile("\\bpage (?:cannot|can't|can’t|could not|couldn't|couldn’t) be found\\b"),
            Pattern.compile("\\b(?:we )?(?:cannot|can't|can’t|could not|couldn't|couldn’t) find (?:the|this|that) page\\b"));

    private static final Pattern TITLE = Pattern.compile("<title\\b[^>]*>(.*?)</title\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern H1 = Pattern.compile("<h1\\b[^>]*>(.*?)</h1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("<(script|style)\\b[^>]*>.*?</\\1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("aelig", "æ"), Map.entry("oslash", "ø"),
            Map.entry("aring", "å"), Map.entry("AElig", "Æ"), Map.entry("Oslash", "Ø"), Map.entry("Aring", "Å"),
            Map.entry("rsquo", "’"), Map.entry("ndash", "–"), Map.entry("mdash", "—"));

    private SoftNotFound() {
    }

    /** Whether an HTML page (at most the first bytes of it) says it was not found. */
    static boolean matches(byte[] body, String contentType) {
        if (body == null || body.length == 0
                || contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return false;
        }
        String html = SCRIPT.matcher(COMMENT.matcher(decode(body, contentType)).replaceAll(" ")).replaceAll(" ");
        return says(first(TITLE, html)) || says(first(H1, html));
    }

    /** Whether a title or heading says the page was not found. */
    static boolean says(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return PHRASES.stream().anyMatch(p -> p.matcher(normalized).find());
    }

    private static String first(Pattern element, String html) {
        Matcher m = element.matcher(html);
        return m.find() ? unescape(TAG.matcher(m.group(1)).replaceAll(" ")) : null;
    }

    private static String decode(byte[] body, String contentType) {
        Charset charset = charset(contentType);
        if (charset == null) {
            String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
            charset = charset(head.contains("<meta") ? head.substring(head.indexOf("<meta")) : null);
        }
        return new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
    }

    private static Charset charset(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement;
            try {
                if (entity.startsWith("#x")) {
                    replacement = new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
                } else if (entity.startsWith("#")) {
                    replacement = new String(Character.toChars(Integer.parseInt(entity.substring(1))));
                } else {
                    replacement = NAMED.getOrDefault(entity, m.group());
                }
            } catch (IllegalArgumentException e) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
