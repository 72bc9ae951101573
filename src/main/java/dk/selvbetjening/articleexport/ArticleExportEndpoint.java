package dk.selvbetjening.articleexport;

import static dk.selvbetjening.articleexport.SoapPayload.CONTRACT;
import static dk.selvbetjening.articleexport.SoapPayload.add;

import org.springframework.ws.server.endpoint.annotation.Endpoint;
import org.springframework.ws.server.endpoint.annotation.PayloadRoot;
import org.springframework.ws.server.endpoint.annotation.RequestPayload;
import org.springframework.ws.server.endpoint.annotation.ResponsePayload;
import org.w3c.dom.Element;

/**
 * The operations of {@code IArticleExport} (ArticleExport.wsdl), dispatched on the request's wrapper element. The
 * KLE-based operations are in the contract, so generated clients keep working, but answer a fault: this catalogue
 * has no KLE form areas and tasks.
 */
@Endpoint
class ArticleExportEndpoint {

    private final ArticleExportService articles;

    ArticleExportEndpoint(ArticleExportService articles) {
        this.articles = articles;
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetMunicipalityList")
    @ResponsePayload
    Element getMunicipalityList(@RequestPayload Element request) {
        return SoapPayload.list("GetMunicipalityList", SoapPayload.TYPES, "Municipality", articles.municipalities(),
                (item, municipality) -> {
                    add(item, "MunicipalityCode", municipality.code());
                    add(item, "MunicipalityName", municipality.name());
                });
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetAllArticles")
    @ResponsePayload
    Element getAllArticles(@RequestPayload Element request) {
        return SoapPayload.list("GetAllArticles", SoapPayload.TYPES, "ArticleDescription", articles.articles(),
                (item, article) -> {
                    add(item, "ArticleID", article.id());
                    add(item, "ArticleTitle", article.title());
                    add(item, "ArticleUrl", article.url());
                    forms(item);
                    add(item, "LastUpdated", article.lastUpdated());
                    add(item, "PublishingDate", article.publishingDate());
                });
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticleByID")
    @ResponsePayload
    Element getArticleById(@RequestPayload Element request) {
        return SoapPayload.one("GetArticleByID", SoapPayload.TYPES,
                articles.article(SoapPayload.requiredInt(request, "articleID"),
                        SoapPayload.optionalInt(request, "municipalityCode")),
                ArticleExportEndpoint::article);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticlesByIDs")
    @ResponsePayload
    Element getArticlesByIds(@RequestPayload Element request) {
        return SoapPayload.list("GetArticlesByIDs", SoapPayload.TYPES, "Article",
                articles.articles(SoapPayload.ints(request, "articleIDs"),
                        SoapPayload.optionalInt(request, "municipalityCode"),
                        SoapPayload.optionalTime(request, "updatedAfter")),
                ArticleExportEndpoint::article);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticleIDByUrl")
    @ResponsePayload
    Element getArticleIdByUrl(@RequestPayload Element request) {
        return SoapPayload.one("GetArticleIDByUrl", SoapPayload.TYPES,
                articles.articleAt(SoapPayload.text(request, "url")), ArticleExportEndpoint::shortDescription);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetAllSites")
    @ResponsePayload
    Element getAllSites(@RequestPayload Element request) {
        return SoapPayload.list("GetAllSites", SoapPayload.TYPES_V2, "Site", articles.sites(), (item, site) -> {
            add(item, "ParentID", null);
            add(item, "SiteID", site.id());
            add(item, "SiteName", site.name());
            add(item, "SiteTitle", site.title());
        });
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticleIDsBySiteID")
    @ResponsePayload
    Element getArticleIdsBySiteId(@RequestPayload Element request) {
        return SoapPayload.list("GetArticleIDsBySiteID", SoapPayload.TYPES, "ArticleShortDescription",
                articles.articlesOfSite(SoapPayload.requiredInt(request, "siteID")),
                ArticleExportEndpoint::shortDescription);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetFormServiceAreaList")
    @PayloadRoot(namespace = CONTRACT, localPart = "GetFormTaskAreaList")
    @PayloadRoot(namespace = CONTRACT, localPart = "GetFormTaskList")
    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticleIDsByFormServiceArea")
    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticleIDsByFormTaskArea")
    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticlesByFormTasks")
    @ResponsePayload
    Element notOffered(@RequestPayload Element request) {
        throw ArticleExportFault.danish("articleexport.fault.notOffered", request.getLocalName());
    }

    private static void article(Element parent, ArticleExportService.Article article) {
        add(parent, "ArticleHeader", article.header());
        add(parent, "ArticleID", article.summary().id());
        add(parent, "ArticleTitle", article.summary().title());
        add(parent, "ArticleUrl", article.summary().url());
        add(parent, "Content", article.content());
        forms(parent);
        add(parent, "LastUpdated", article.summary().lastUpdated());
        add(parent, "PublishingDate", article.summary().publishingDate());
    }

    private static void shortDescription(Element parent, ArticleExportService.ArticleSummary article) {
        add(parent, "ArticleID", article.id());
        add(parent, "ArticleTitle", article.title());
    }

    /** The KLE members: empty lists, as this catalogue classifies by topics. */
    private static void forms(Element parent) {
        add(parent, "FormServiceAreas");
        add(parent, "FormTaskAreas");
        add(parent, "FormTasks");
    }
}
