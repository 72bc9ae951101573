package dk.selvbetjening.articleexport;

import static dk.selvbetjening.articleexport.SoapPayload.CONTRACT;
import static dk.selvbetjening.articleexport.SoapPayload.add;

import java.util.List;

import dk.selvbetjening.authority.MunicipalitySummary;
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
        Element result = SoapPayload.result("GetMunicipalityList", SoapPayload.TYPES);
        for (MunicipalitySummary municipality : articles.municipalities()) {
            Element item = add(result, "Municipality");
            add(item, "MunicipalityCode", municipality.code());
            add(item, "MunicipalityName", municipality.name());
        }
        return SoapPayload.response(result);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetAllArticles")
    @ResponsePayload
    Element getAllArticles(@RequestPayload Element request) {
        Element result = SoapPayload.result("GetAllArticles", SoapPayload.TYPES);
        for (ArticleExportService.ArticleSummary article : articles.articles()) {
            Element item = add(result, "ArticleDescription");
            add(item, "ArticleID", article.id());
            add(item, "ArticleTitle", article.title());
            add(item, "ArticleUrl", article.url());
            forms(item);
            add(item, "LastUpdated", article.lastUpdated());
            add(item, "PublishingDate", article.publishingDate());
        }
        return SoapPayload.response(result);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticleByID")
    @ResponsePayload
    Element getArticleById(@RequestPayload Element request) {
        ArticleExportService.Article article = articles.article(SoapPayload.requiredInt(request, "articleID"),
                SoapPayload.optionalInt(request, "municipalityCode"));
        Element result = SoapPayload.result("GetArticleByID", SoapPayload.TYPES);
        article(result, article);
        return SoapPayload.response(result);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticlesByIDs")
    @ResponsePayload
    Element getArticlesByIds(@RequestPayload Element request) {
        List<ArticleExportService.Article> found = articles.articles(SoapPayload.ints(request, "articleIDs"),
                SoapPayload.optionalInt(request, "municipalityCode"), SoapPayload.optionalTime(request, "updatedAfter"));
        Element result = SoapPayload.result("GetArticlesByIDs", SoapPayload.TYPES);
        for (ArticleExportService.Article article : found) {
            article(add(result, "Article"), article);
        }
        return SoapPayload.response(result);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticleIDByUrl")
    @ResponsePayload
    Element getArticleIdByUrl(@RequestPayload Element request) {
        ArticleExportService.ArticleSummary article = articles.articleAt(SoapPayload.text(request, "url"));
        Element result = SoapPayload.result("GetArticleIDByUrl", SoapPayload.TYPES);
        shortDescription(result, article);
        return SoapPayload.response(result);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetAllSites")
    @ResponsePayload
    Element getAllSites(@RequestPayload Element request) {
        Element result = SoapPayload.result("GetAllSites", SoapPayload.TYPES_V2);
        for (ArticleExportService.Site site : articles.sites()) {
            Element item = add(result, "Site");
            add(item, "ParentID", null);
            add(item, "SiteID", site.id());
            add(item, "SiteName", site.name());
            add(item, "SiteTitle", site.title());
        }
        return SoapPayload.response(result);
    }

    @PayloadRoot(namespace = CONTRACT, localPart = "GetArticleIDsBySiteID")
    @ResponsePayload
    Element getArticleIdsBySiteId(@RequestPayload Element request) {
        List<ArticleExportService.ArticleSummary> found =
                articles.articlesOfSite(SoapPayload.requiredInt(request, "siteID"));
        Element result = SoapPayload.result("GetArticleIDsBySiteID", SoapPayload.TYPES);
        for (ArticleExportService.ArticleSummary article : found) {
            shortDescription(add(result, "ArticleShortDescription"), article);
        }
        return SoapPayload.response(result);
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
