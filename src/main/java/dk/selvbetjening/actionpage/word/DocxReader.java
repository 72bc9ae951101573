package dk.selvbetjening.actionpage.word;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import dk.selvbetjening.actionpage.guide.PlainText;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;

/**
 * Reads a filled-in template back. Paragraphs are taken in order (also inside tables and content controls). A
 * paragraph whose text is the template's own title or a help line is skipped, whatever its style. A heading is a
 * paragraph in a Word heading style (any language: "heading 1", "Overskrift1", or a style based on one), or any
 * paragraph whose whole text is one of the template's headings, so a document typed without styles works too.
 * Text under a heading becomes that element; text before the first heading or under an unknown heading is
 * reported as unplaced, in Danish.
 */
final class DocxReader {

    private static final Pattern HEADING_STYLE = Pattern.compile("(heading|overskrift) ?[1-9]");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})(?:\\s*,)?\\s+(?:kl\\.?\\s*)?(\\d{1,2})[:.](\\d{2})");
    private static final int MAX_NESTING = 10;

    private final DocxTexts texts;
    private final Set<String> fixedTexts;
    private final Map<String, TemplateSection> pageHeadings = new HashMap<>();
    private final Map<String, TemplateSection> downtimeHeadings = new HashMap<>();

    DocxReader(DocxTexts texts) {
        this.texts = texts;
        this.fixedTexts = texts.fixedTexts();
        for (TemplateSection section : TemplateSection.values()) {
            (section.isDowntimePart() ? downtimeHeadings : pageHeadings).put(key(texts.heading(section)), section);
        }
    }

    DocxImport read(XWPFDocument document) {
        List<Paragraph> paragraphs = new ArrayList<>();
        collect(document.getBodyElements(), document.getStyles(), paragraphs, 0);

        Map<TemplateSection, List<String>> found = new EnumMap<>(TemplateSection.class);
        List<String> unplaced = new ArrayList<>();
        TemplateSection current = null;
        String unknownHeading = null;
        for (Paragraph paragraph : paragraphs) {
            String text = paragraph.text();
            if (text.isEmpty() || fixedTexts.contains(text)) {
                continue;
            }
            TemplateSection heading = heading(text, current);
            if (heading != null) {
                current = heading;
                unknownHeading = null;
                continue;
            }
            if (paragraph.heading()) {
                current = null;
                unknownHeading = text;
                unplaced.add(texts.text("docx.unplaced.unknownHeading", text));
                continue;
            }
            if (unknownHeading != null) {
                unplaced.add(texts.text("docx.unplaced.underUnknownHeading", unknownHeading, text));
            } else if (current == null) {
                unplaced.add(texts.text("docx.unplaced.beforeFirstHeading", text));
            } else if (current == TemplateSection.PLANNED_DOWNTIME) {
                labelledDowntimeLine(text, found, unplaced);
            } else {
                found.computeIfAbsent(current, s -> new ArrayList<>()).add(text);
            }
        }
        return new DocxImport(content(found, unplaced), unplaced);
    }

    /** The section {@code text} is the heading of; the parts of the downtime only count under it. */
    private TemplateSection heading(String text, TemplateSection current) {
        String key = key(text);
        TemplateSection section = pageHeadings.get(key);
        if (section == null && current != null
                && (current == TemplateSection.PLANNED_DOWNTIME || current.isDowntimePart())) {
            section = downtimeHeadings.get(key);
        }
        return section;
    }

    /** "Fra: 01-03-2027 22:00" written straight under "Planlagt nedetid" instead of under its own heading. */
    private void labelledDowntimeLine(String text, Map<TemplateSection, List<String>> found, List<String> unplaced) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            TemplateSection part = downtimeHeadings.get(key(text.substring(0, colon)));
            String value = text.substring(colon + 1).strip();
            if (part != null && !value.isEmpty()) {
                found.computeIfAbsent(part, s -> new ArrayList<>()).add(value);
                return;
            }
        }
        unplaced.add(texts.text("docx.unplaced.downtimeText", text));
    }

    private ActionPageContent content(Map<TemplateSection, List<String>> found, List<String> unplaced) {
        return new ActionPageContent(line(found, TemplateSection.TITLE), text(found, TemplateSection.INTRO),
                found.getOrDefault(TemplateSection.BEFORE_YOU_START, List.of()),
                line(found, TemplateSection.START_LABEL), line(found, TemplateSection.CONTINUES_ON),
                text(found, TemplateSection.ALTERNATIVES), text(found, TemplateSection.AFTERWARDS),
                text(found, TemplateSection.MORE_INFORMATION), text(found, TemplateSection.RULES),
                text(found, TemplateSection.FEES), text(found, TemplateSection.DEADLINES),
                downtime(found, unplaced));
    }

    private PlannedDowntime downtime(Map<TemplateSection, List<String>> found, List<String> unplaced) {
        String fromText = line(found, TemplateSection.DOWNTIME_FROM);
        String untilText = line(found, TemplateSection.DOWNTIME_UNTIL);
        String message = text(found, TemplateSection.DOWNTIME_MESSAGE);
        if (fromText == null && untilText == null && message == null) {
            return null;
        }
        Instant from = time(TemplateSection.DOWNTIME_FROM, fromText, unplaced);
        Instant until = time(TemplateSection.DOWNTIME_UNTIL, untilText, unplaced);
        List<String> missing = new ArrayList<>();
        if (fromText == null) {
            missing.add(texts.heading(TemplateSection.DOWNTIME_FROM));
        }
        if (untilText == null) {
            missing.add(texts.heading(TemplateSection.DOWNTIME_UNTIL));
        }
        if (message == null) {
            missing.add(texts.heading(TemplateSection.DOWNTIME_MESSAGE));
        }
        PlannedDowntime downtime = null;
        if (!missing.isEmpty()) {
            unplaced.add(texts.text("docx.unplaced.downtimeMissing", danishList(missing)));
        } else if (from != null && until != null) {
            if (until.isAfter(from)) {
                downtime = new PlannedDowntime(from, until, message);
            } else {
                unplaced.add(texts.text("docx.unplaced.downtimeOrder"));
            }
        }
        if (downtime == null && message != null) {
            unplaced.add(texts.text("docx.unplaced.downtimeMessage", message));
        }
        return downtime;
    }

    /** A Danish local time to the minute: 01-03-2027 22:00 (also 1.3.2027 kl. 22.00); null and reported if not. */
    private Instant time(TemplateSection section, String text, List<String> unplaced) {
        if (text == null) {
            return null;
        }
        Matcher matcher = TIME.matcher(text);
        if (matcher.matches()) {
            try {
                LocalDateTime local = LocalDateTime.of(Integer.parseInt(matcher.group(3)),
                        Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)));
                return ZonedDateTime.ofLocal(local, DocxTexts.DANISH_TIME, null).toInstant();
            } catch (DateTimeException e) {
                // a 31st of February and the like: reported below
            }
        }
        unplaced.add(texts.text("docx.unplaced.date", texts.heading(section), text));
        return null;
    }

    private String danishList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + texts.text("docx.unplaced.and") + " "
                + items.get(items.size() - 1);
    }

    private static String line(Map<TemplateSection, List<String>> found, TemplateSection section) {
        List<String> paragraphs = found.get(section);
        return paragraphs == null ? null : PlainText.lineBreaksAsSpaces(String.join(" ", paragraphs));
    }

    private static String text(Map<TemplateSection, List<String>> found, TemplateSection section) {
        List<String> paragraphs = found.get(section);
        return paragraphs == null ? null : String.join("\n\n", paragraphs);
    }

    /** How headings are compared: case, spacing and a trailing colon or full stop do not matter. */
    private static String key(String text) {
        return PlainText.withoutTrailing(text.strip(), ":.").replaceAll("\\s+", " ").toLowerCase(DocxTexts.DANISH);
    }

    private static void collect(List<IBodyElement> elements, XWPFStyles styles, List<Paragraph> into, int depth) {
        if (depth > MAX_NESTING) {
            return;
        }
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                into.add(new Paragraph(clean(paragraph.getText()), isHeading(paragraph, styles)));
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collect(cell.getBodyElements(), styles, into, depth + 1);
                    }
                }
            } else if (element instanceof XWPFSDT control) {
                for (String line : control.getContent().getText().split("\n")) {
                    into.add(new Paragraph(clean(line), false));
                }
            }
        }
    }

    /** The text as written: no-break spaces as spaces, each line stripped, no leading or trailing blank lines. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String normalised = text.replace('\u00A0', ' ').replace('\u000B', '\n').replace("\r\n", "\n")
                .replace('\r', '\n');
        return String.join("\n", normalised.lines().map(String::strip).toList()).strip();
    }

    private static boolean isHeading(XWPFParagraph paragraph, XWPFStyles styles) {
        CTPPr properties = paragraph.getCTP().getPPr();
        if (properties != null && properties.getOutlineLvl() != null
                && properties.getOutlineLvl().getVal() != null && properties.getOutlineLvl().getVal().intValue() < 9) {
            return true;
        }
        String id = paragraph.getStyleID();
        for (int i = 0; id != null && i < MAX_NESTING; i++) {
            if (isHeadingName(id)) {
                return true;
            }
            XWPFStyle style = styles == null ? null : styles.getStyle(id);
            if (style == null) {
                return false;
            }
            if (isHeadingName(style.getName())) {
                return true;
            }
            id = style.getBasisStyleID();
        }
        return false;
    }

    private static boolean isHeadingName(String name) {
        return name != null && HEADING_STYLE.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    private record Paragraph(String text, boolean heading) {
    }
}
