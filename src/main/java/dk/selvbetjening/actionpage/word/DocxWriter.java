package dk.selvbetjening.actionpage.word;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.actionpage.PlannedDowntime;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes the action page as a Word document: the title, a line on how to fill it in, then per section a heading
 * (Word's built-in "heading 1"/"heading 2", so the navigation pane lists them), its help line in the grey italic
 * style "Vejledning", and the text, or one empty paragraph to write in.
 */
final class DocxWriter {

    static final String HELP_STYLE = "Vejledning";
    private static final String HELP_COLOUR = "595959";

    private final DocxTexts texts;

    DocxWriter(DocxTexts texts) {
        this.texts = texts;
    }

    byte[] write(ActionPageContent content) {
        try (XWPFDocument document = new XWPFDocument()) {
            addStyles(document);
            BigInteger bullets = addBullets(document);
            document.getProperties().getCoreProperties().setTitle(texts.text("docx.document.title"));
            paragraph(document, "Title", texts.text("docx.document.title"));
            paragraph(document, HELP_STYLE, texts.text("docx.document.help"));
            for (TemplateSection section : TemplateSection.values()) {
                paragraph(document, "Heading" + section.level(), texts.heading(section));
                paragraph(document, HELP_STYLE, texts.help(section));
                List<String> paragraphs = paragraphs(section, content);
                if (section.kind() == TemplateSection.Kind.GROUP) {
                    continue;
                }
                if (paragraphs.isEmpty()) {
                    paragraphs = List.of("");
                }
                for (String text : paragraphs) {
                    XWPFParagraph paragraph = paragraph(document, null, text);
                    if (section.kind() == TemplateSection.Kind.LIST) {
                        paragraph.setNumID(bullets);
                        paragraph.setNumILvl(BigInteger.ZERO);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The section's text as Word paragraphs: a blank line in the text starts a new paragraph. */
    static List<String> paragraphs(TemplateSection section, ActionPageContent content) {
        PlannedDowntime downtime = content.plannedDowntime();
        return switch (section) {
            case TITLE -> split(content.title());
            case INTRO -> split(content.intro());
            case BEFORE_YOU_START -> content.beforeYouStart().stream()
                    .filter(item -> item != null && !item.isBlank()).map(String::strip).toList();
            case START_LABEL -> split(content.startLabel());
            case CONTINUES_ON -> split(content.continuesOn());
            case ALTERNATIVES -> split(content.alternatives());
            case AFTERWARDS -> split(content.afterwards());
            case MORE_INFORMATION -> split(content.moreInformation());
            case RULES -> split(content.rules());
            case FEES -> split(content.fees());
            case DEADLINES -> split(content.deadlines());
            case PLANNED_DOWNTIME -> List.of();
            case DOWNTIME_FROM -> downtime == null ? List.of() : List.of(DocxTexts.TIME.format(downtime.from()));
            case DOWNTIME_UNTIL -> downtime == null ? List.of() : List.of(DocxTexts.TIME.format(downtime.until()));
            case DOWNTIME_MESSAGE -> downtime == null ? List.of() : split(downtime.message());
        };
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n[ \t]*\n")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph.strip());
            }
        }
        return paragraphs;
    }

    /** A paragraph in {@code style}; a line break in {@code text} becomes a line break in Word. */
    private static XWPFParagraph paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        XWPFRun run = paragraph.createRun();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        return paragraph;
    }

    private static void addStyles(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        CTStyles all = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = all.addNewDocDefaults();
        CTRPr run = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii("Calibri");
        fonts.setHAnsi("Calibri");
        fonts.setCs("Calibri");
        run.addNewSz().setVal(BigInteger.valueOf(22));
        run.addNewLang().setVal("da-DK");
        CTSpacing spacing = defaults.addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setAfter(BigInteger.valueOf(160));
        styles.setStyles(all);

        CTStyle normal = style("Normal", "Normal", null);
        normal.setDefault(true);
        styles.addStyle(new XWPFStyle(normal));
        styles.addStyle(new XWPFStyle(heading("Title", "Title", 48, null)));
        styles.addStyle(new XWPFStyle(heading("Heading1", "heading 1", 32, 0)));
        styles.addStyle(new XWPFStyle(heading("Heading2", "heading 2", 26, 1)));
        CTStyle help = style(HELP_STYLE, HELP_STYLE, "Normal");
        CTRPr helpRun = help.addNewRPr();
        helpRun.addNewI();
        helpRun.addNewColor().setVal(HELP_COLOUR);
        styles.addStyle(new XWPFStyle(help));
    }

    private static CTStyle heading(String id, String name, int halfPoints, Integer outlineLevel) {
        CTStyle style = style(id, name, "Normal");
        style.addNewQFormat();
        CTPPrGeneral paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        CTSpacing spacing = paragraph.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(240));
        spacing.setAfter(BigInteger.valueOf(80));
        if (outlineLevel != null) {
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTRPr run = style.addNewRPr();
        run.addNewB();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        return style;
    }

    private static CTStyle style(String id, String name, String basedOn) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (basedOn != null) {
            style.addNewBasedOn().setVal(basedOn);
            style.addNewNext().setVal("Normal");
        }
        return style;
    }

    private static BigInteger addBullets(XWPFDocument document) {
        CTAbstractNum list = CTAbstractNum.Factory.newInstance();
        list.setAbstractNumId(BigInteger.ZERO);
        CTLvl level = list.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(STNumberFormat.BULLET);
        level.addNewLvlText().setVal("•");
        CTInd indent = level.addNewPPr().addNewInd();
        indent.setLeft(BigInteger.valueOf(720));
        indent.setHanging(BigInteger.valueOf(360));
        XWPFNumbering numbering = document.createNumbering();
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(list, numbering));
        return numbering.addNum(abstractId);
    }
}
