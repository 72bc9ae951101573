package dk.selvbetjening.articleexport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.portal.PortalService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * An article's {@code Content}: the HTML blocks ArticleExport's clients parse (articleexport.md), written from the
 * published action page. {@code #selvbetjeningslinks} holds one link to the action page ("Start …"), with the
 * municipality when one was asked for; {@code #kernetekst} one micro-article (h2 + div) per section of the page, in
 * the page's order and with its headings; {@code #lovgivning} the page's rules and legislation (an h3 and
 * {@code <div><div>}, as borger.dk wrote it), when it has any; {@code #byline} the responsible authority. The action
 * page has no element for borger.dk's {@code #anbefaler}, {@code #huskeliste} or {@code #faktaboks} boxes, so those
 * blocks are not written (the clients' selectors then find nothing). Every text is escaped here;
 * the XML writer escapes the whole HTML once more as the element's text.
 */
@Component
class ArticleContent {

    private static final Locale DANISH = Locale.forLanguageTag("da");
    private static final String START = "Start ";
    private static final List<String> TEXT_SECTIONS =
            List.of("alternatives", "afterwards", "fees", "deadlines", "moreInformation");

    private final MessageSource messages;
    private final ArticleExportProperties properties;

    ArticleContent(MessageSource messages, ArticleExportProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /** The action page's address, as {@code ArticleUrl} and what {@code GetArticleIDByUrl} takes. */
    String articleUrl(PortalService service) {
        return properties.baseUrl() + "/handlingsside/" + service.slug();
    }

    /** The portal's historic start address: the action page, with the municipality chosen. */
    String startUrl(PortalService service, Integer municipalityCode) {
        return properties.baseUrl() + "/Handlingsside?selfserviceId=" + service.service().id()
                + (municipalityCode == null ? "" : "&kommunekode=" + municipalityCode);
    }

    /** The HTML of {@code service}'s article; {@code responsible} is who answers for it (empty: "your municipality"). */
    String html(PortalService service, Integer municipalityCode, Optional<AuthorityDetails> responsible) {
        ActionPageContent page = service.actionPage();
        StringBuilder html = new StringBuilder();
        String label = page.effectiveStartLabel();
        String title = label.startsWith(START) ? label : START + page.title();
        html.append("<div id=\"selvbetjeningslinks\"><ul><li id=\"opis_domainservice_")
                .append(service.service().id()).append("\"><a href=\"")
                .append(escape(startUrl(service, municipalityCode))).append("\" title=\"").append(escape(title))
                .append("\">").append(escape(label)).append("</a></li></ul></div>");
        html.append("<div id=\"kernetekst\">");
        List<String[]> sections = sections(service);
        for (int i = 0; i < sections.size(); i++) {
            html.append("<div id=\"microArticle_").append(i + 1).append("\"><h2>").append(escape(sections.get(i)[0]))
                    .append("</h2><div>").append(sections.get(i)[1]).append("</div></div>");
        }
        html.append("</div>");
        if (page.rules() != null && !page.rules().isBlank()) {
            html.append("<div id=\"lovgivning\"><h3>").append(escape(message("actionPage.rules")))
                    .append("</h3><div><div>").append(paragraphs(page.rules())).append("</div></div></div>");
        }
        String byline = responsible.map(a -> message("articleexport.byline", a.name()))
                .orElseGet(() -> message("articleexport.byline.yourMunicipality"));
        html.append("<div id=\"byline\"><div>").append(escape(byline)).append("</div></div>");
        return html.toString();
    }

    /** Heading and HTML body of each section the action page shows, in its order. */
    private List<String[]> sections(PortalService service) {
        ActionPageContent page = service.actionPage();
        List<String[]> sections = new ArrayList<>();
        if (!page.beforeYouStart().isEmpty()) {
            StringBuilder list = new StringBuilder("<ul>");
            page.beforeYouStart().forEach(item -> list.append("<li>").append(escape(item)).append("</li>"));
            sections.add(new String[] {message("actionPage.beforeYouStart"), list.append("</ul>").toString()});
        }
        LoginMethod login = service.service().loginMethod();
        if (login != null && login != LoginMethod.NONE) {
            sections.add(new String[] {message("actionPage.login"), paragraphs(message("loginMethod." + login))});
        }
        if (service.service().kind() == SelfServiceKind.FORM && !service.service().formReturn().isEmpty()) {
            StringBuilder list = new StringBuilder("<ul>");
            for (FormReturn formReturn : FormReturn.values()) {
                if (service.service().formReturn().contains(formReturn)) {
                    list.append("<li>").append(escape(message("formReturn." + formReturn))).append("</li>");
                }
            }
            sections.add(new String[] {message("actionPage.form.heading"), list.append("</ul>").toString()});
        }
        for (String section : TEXT_SECTIONS) {
            String text = text(page, section);
            if (text != null && !text.isBlank()) {
                sections.add(new String[] {message("actionPage." + section), paragraphs(text)});
            }
        }
        return sections;
    }

    private static String text(ActionPageContent page, String section) {
        return switch (section) {
            case "alternatives" -> page.alternatives();
            case "afterwards" -> page.afterwards();
            case "fees" -> page.fees();
            case "deadlines" -> page.deadlines();
            case "moreInformation" -> page.moreInformation();
            default -> throw new IllegalArgumentException(section);
        };
    }

    /** Blank lines part paragraphs; a single line break stays one. */
    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(String.join("<br />", paragraph.strip().lines().map(ArticleContent::escape)
                    .toList())).append("</p>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DANISH);
    }
}
