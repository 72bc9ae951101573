package dk.selvbetjening.articleexport;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.actionpage.ActionPageState;
import dk.selvbetjening.actionpage.ActionPageStatus;
import dk.selvbetjening.authority.AuthorityDetails;
import dk.selvbetjening.authority.MunicipalitySummary;
import dk.selvbetjening.portal.CitizenCatalogue;
import dk.selvbetjening.portal.PortalService;
import org.springframework.stereotype.Service;

/**
 * The operations ArticleExport offers, read from the citizen catalogue's snapshot: what citizens see is what is
 * exported, nothing else (no drafts, no unpublished self-services, no suppliers, no assessments). A refused request
 * throws {@link ArticleExportFault}.
 */
@Service
class ArticleExportService {

    /** GetArticleIDByUrl: the action page's path, or the portal's historic start address. */
    private static final Pattern ACTION_PAGE = Pattern.compile("/handlingsside/([a-z0-9-]+)/?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SELF_SERVICE_ID = Pattern.compile("(?:^|&)selfserviceid=([0-9a-fA-F-]{36})(?:&|$)",
            Pattern.CASE_INSENSITIVE);

    private final CitizenCatalogue catalogue;
    private final ActionPageService actionPages;
    private final ArticleNumbers articleNumbers;
    private final ArticleContent content;
    private volatile PublishedPages publishedPages = new PublishedPages(-1, Set.of());

    ArticleExportService(CitizenCatalogue catalogue, ActionPageService actionPages, ArticleNumbers articleNumbers,
            ArticleContent content) {
        this.catalogue = catalogue;
        this.actionPages = actionPages;
        this.articleNumbers = articleNumbers;
        this.content = content;
    }

    /** An article's description: {@code ArticleDescription}, and its id and title {@code ArticleShortDescription}. */
    record ArticleSummary(int id, String title, String url, Instant lastUpdated, Instant publishingDate) {
    }

    /** A whole article: {@code Article}. */
    record Article(ArticleSummary summary, String header, String content) {
    }

    /** A topic as a {@code Site}: {@code name} is its slug (URL-safe already), {@code title} its title. */
    record Site(int id, String name, String title) {
    }

    /** The 98 municipalities, by code. */
    List<MunicipalitySummary> municipalities() {
        // by code, as borger.dk answers (the citizen pages list them A–Å)
        return catalogue.snapshot().municipalities().stream()
                .sorted(java.util.Comparator.comparingInt(MunicipalitySummary::code)).toList();
    }

    /** Every published article, by ArticleID. */
    List<ArticleSummary> articles() {
        View view = view();
        return view.articles.stream().sorted(Comparator.comparingInt(view.numbers::articleId)).map(view::summary)
                .toList();
    }

    Article article(int articleId, Integer municipalityCode) {
        View view = view();
        Integer municipality = view.municipality(municipalityCode);
        UUID selfService = view.numbers.selfService(articleId)
                .orElseThrow(() -> ArticleExportFault.compatible("articleexport.fault.articlesNotFound",
                        String.valueOf(articleId)));
        PortalService service = view.article(selfService)
                .orElseThrow(() -> ArticleExportFault.compatible("articleexport.fault.notExportable",
                        String.valueOf(articleId)));
        return view.article(service, municipality);
    }

    /**
     * The articles among {@code articleIds} that are published (in the order asked, each once), changed after
     * {@code updatedAfter} when given. A fault only when none of the ids is a published article.
     */
    List<Article> articles(List<Integer> articleIds, Integer municipalityCode, Instant updatedAfter) {
        View view = view();
        Integer municipality = view.municipality(municipalityCode);
        List<PortalService> found = new ArrayList<>();
        for (int id : new LinkedHashSet<>(articleIds)) {
            view.numbers.selfService(id).flatMap(view::article).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            throw ArticleExportFault.compatible("articleexport.fault.articlesNotFound",
                    articleIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return found.stream()
                .filter(s -> updatedAfter == null || s.updatedAt().isAfter(updatedAfter))
                .map(s -> view.article(s, municipality))
                .toList();
    }

    /** The article at {@code url}: its action page's address on any host (or the historic start address). */
    ArticleSummary articleAt(String url) {
        View view = view();
        return service(view.snapshot, url).flatMap(s -> view.article(s.service().id())).map(view::summary)
                .orElseThrow(() -> ArticleExportFault.compatible("articleexport.fault.urlNotFound",
                        url == null ? "" : url));
    }

    /** The topics as sites, in the portal's order. */
    List<Site> sites() {
        View view = view();
        return view.snapshot.topics().stream()
                .map(t -> new Site(view.numbers.siteId(t), t.slug(), t.title()))
                .toList();
    }

    /** The published articles of the site's topic, by title. */
    List<ArticleSummary> articlesOfSite(int siteId) {
        View view = view();
        String topic = view.numbers.topic(siteId)
                .filter(slug -> view.snapshot.topic(slug).isPresent())
                .orElseThrow(() -> ArticleExportFault.danish("articleexport.fault.siteNotFound",
                        String.valueOf(siteId)));
        return view.snapshot.servicesIn(topic).stream().filter(view::isArticle).map(view::summary).toList();
    }

    private static Optional<PortalService> service(CitizenCatalogue.Snapshot snapshot, String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        Matcher page = ACTION_PAGE.matcher(path);
        if (page.matches()) {
            return snapshot.service(page.group(1).toLowerCase(Locale.ROOT));
        }
        if (path.equalsIgnoreCase("/Handlingsside") && uri.getRawQuery() != null) {
            Matcher id = SELF_SERVICE_ID.matcher(uri.getRawQuery());
            if (id.find()) {
                try {
                    return snapshot.service(UUID.fromString(id.group(1)));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The snapshot's articles, numbered. The snapshot shows a self-service whose action page was taken down with its
     * short description; that is no article: which pages are published is read once per snapshot generation.
     */
    private View view() {
        CitizenCatalogue.Snapshot snapshot = catalogue.snapshot();
        PublishedPages pages = publishedPages;
        if (pages.generation() != snapshot.generation()) {
            pages = new PublishedPages(snapshot.generation(), actionPages.states().values().stream()
                    .filter(state -> state.status() == ActionPageStatus.PUBLISHED)
                    .map(ActionPageState::selfServiceId)
                    .collect(Collectors.toUnmodifiableSet()));
            publishedPages = pages;
        }
        Set<UUID> published = pages.selfServices();
        List<PortalService> articles = snapshot.services().stream()
                .filter(s -> published.contains(s.service().id()))
                .toList();
        return new View(snapshot, articles, articleNumbers.numbersFor(articles, snapshot.topics()), content);
    }

    /** The self-services whose action page is published, as of a snapshot generation. */
    private record PublishedPages(long generation, Set<UUID> selfServices) {
    }

    /** One snapshot with its articles and their numbers. */
    private static final class View {

        private final CitizenCatalogue.Snapshot snapshot;
        private final List<PortalService> articles;
        private final Map<UUID, PortalService> byId;
        private final ArticleNumbers.Numbers numbers;
        private final ArticleContent content;

        View(CitizenCatalogue.Snapshot snapshot, List<PortalService> articles, ArticleNumbers.Numbers numbers,
                ArticleContent content) {
            this.snapshot = snapshot;
            this.articles = articles;
            this.byId = articles.stream().collect(Collectors.toUnmodifiableMap(s -> s.service().id(), s -> s));
            this.numbers = numbers;
            this.content = content;
        }

        Optional<PortalService> article(UUID selfService) {
            return Optional.ofNullable(byId.get(selfService));
        }

        boolean isArticle(PortalService service) {
            return byId.containsKey(service.service().id());
        }

        /** The municipality asked for: null for none (absent or 0); a fault for a code that is not one. */
        Integer municipality(Integer code) {
            if (code == null || code == 0) {
                return null;
            }
            if (snapshot.municipality(code).isEmpty()) {
                throw ArticleExportFault.danish("articleexport.fault.unknownMunicipality", String.valueOf(code));
            }
            return code;
        }

        ArticleSummary summary(PortalService service) {
            Instant first = numbers.firstPublishedAt(service);
            return new ArticleSummary(numbers.articleId(service), service.actionPage().title(),
                    content.articleUrl(service), service.updatedAt(),
                    first.isAfter(service.updatedAt()) ? service.updatedAt() : first);
        }

        Article article(PortalService service, Integer municipality) {
            Optional<AuthorityDetails> responsible = snapshot.responsible(service, municipality);
            return new Article(summary(service), service.actionPage().intro(),
                    content.html(service, municipality, responsible));
        }
    }
}
