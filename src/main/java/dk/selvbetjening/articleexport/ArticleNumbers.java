package dk.selvbetjening.articleexport;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.selvbetjening.catalogue.TopicSummary;
import dk.selvbetjening.portal.PortalService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contract's integer ids: an ArticleID per self-service and a SiteID per topic, given the first time the export
 * sees it published with its action page (ArticleIDs in the order of publication, SiteIDs in the topics' order) and kept for good: an id is
 * never given to anything else, and an archived self-service keeps its ArticleID should it come back. Held in memory
 * once read; only a newly published self-service or a new topic costs a write (one transaction). Two nodes that
 * number the same newcomer at once: the loser's insert fails on the unique keys, it reads the winner's numbers.
 */
@Component
class ArticleNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile Numbers numbers;

    ArticleNumbers(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The numbers, with every one of {@code articles} and {@code topics} numbered. */
    Numbers numbersFor(List<PortalService> articles, List<TopicSummary> topics) {
        Numbers current = numbers;
        if (current != null && current.covers(articles, topics)) {
            return current;
        }
        synchronized (this) {
            current = numbers != null ? numbers : read();
            if (!current.covers(articles, topics)) {
                try {
                    Numbers base = current;
                    transactions.executeWithoutResult(status -> assign(base, articles, topics));
                } catch (DuplicateKeyException anotherNodeWasFaster) {
                    // read what the other node wrote; a newcomer it did not see is numbered on the next call
                }
                current = read();
            }
            numbers = current;
            return current;
        }
    }

    private void assign(Numbers current, List<PortalService> articles, List<TopicSummary> topics) {
        int nextArticle = jdbc.sql("SELECT COALESCE(MAX(article_id), 0) FROM articleexport_article")
                .query(Integer.class).single() + 1;
        List<PortalService> newArticles = articles.stream()
                .filter(s -> !current.articleIds.containsKey(s.service().id()))
                .sorted(Comparator.comparing(PortalService::updatedAt).thenComparing(PortalService::slug))
                .toList();
        for (PortalService service : newArticles) {
            jdbc.sql("INSERT INTO articleexport_article (article_id, self_service_id, first_published_at) "
                            + "VALUES (:id, :service, :at)")
                    .param("id", nextArticle++).param("service", service.service().id())
                    .param("at", java.sql.Timestamp.from(service.updatedAt())).update();
        }
        int nextSite = jdbc.sql("SELECT COALESCE(MAX(site_id), 0) FROM articleexport_site")
                .query(Integer.class).single() + 1;
        for (TopicSummary topic : topics) {
            if (!current.siteIds.containsKey(topic.slug())) {
                jdbc.sql("INSERT INTO articleexport_site (site_id, topic_slug) VALUES (:id, :slug)")
                        .param("id", nextSite++).param("slug", topic.slug()).update();
            }
        }
    }

    private Numbers read() {
        Map<UUID, Integer> articleIds = new HashMap<>();
        Map<UUID, Instant> firstPublished = new HashMap<>();
        jdbc.sql("SELECT article_id, self_service_id, first_published_at FROM articleexport_article")
                .query((rs, row) -> {
                    UUID service = rs.getObject("self_service_id", UUID.class);
                    articleIds.put(service, rs.getInt("article_id"));
                    firstPublished.put(service, rs.getTimestamp("first_published_at").toInstant());
                    return null;
                }).list();
        Map<String, Integer> siteIds = new HashMap<>();
        jdbc.sql("SELECT site_id, topic_slug FROM articleexport_site")
                .query((rs, row) -> siteIds.put(rs.getString("topic_slug"), rs.getInt("site_id"))).list();
        return new Numbers(articleIds, firstPublished, siteIds);
    }

    /** One consistent set of numbers. */
    static final class Numbers {

        private final Map<UUID, Integer> articleIds;
        private final Map<Integer, UUID> articles;
        private final Map<UUID, Instant> firstPublished;
        private final Map<String, Integer> siteIds;
        private final Map<Integer, String> sites;

        Numbers(Map<UUID, Integer> articleIds, Map<UUID, Instant> firstPublished, Map<String, Integer> siteIds) {
            this.articleIds = Map.copyOf(articleIds);
            this.firstPublished = Map.copyOf(firstPublished);
            this.siteIds = Map.copyOf(siteIds);
            Map<Integer, UUID> articles = new HashMap<>();
            articleIds.forEach((service, id) -> articles.put(id, service));
            this.articles = Map.copyOf(articles);
            Map<Integer, String> sites = new HashMap<>();
            siteIds.forEach((slug, id) -> sites.put(id, slug));
            this.sites = Map.copyOf(sites);
        }

        boolean covers(List<PortalService> articles, List<TopicSummary> topics) {
            return articles.stream().allMatch(s -> articleIds.containsKey(s.service().id()))
                    && topics.stream().allMatch(t -> siteIds.containsKey(t.slug()));
        }

        int articleId(PortalService service) {
            return articleIds.get(service.service().id());
        }

        Instant firstPublishedAt(PortalService service) {
            return firstPublished.get(service.service().id());
        }

        /** The self-service that has (or had) this ArticleID. */
        Optional<UUID> selfService(int articleId) {
            return Optional.ofNullable(articles.get(articleId));
        }

        int siteId(TopicSummary topic) {
            return siteIds.get(topic.slug());
        }

        Optional<String> topic(int siteId) {
            return Optional.ofNullable(sites.get(siteId));
        }
    }
}
