package dk.selvbetjening.opendata.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Åbne data": every format the catalogue is offered in, its licence and how often it changes. */
@Controller
class OpenDataWebController {

    /**
     * One format: {@code key} names its texts ({@code opendata.format.<key>.*} in i18n/opendata.properties),
     * {@code href} its address.
     */
    record Format(String key, String href) {
    }

    static final List<Format> FORMATS = List.of(
            new Format("json", "/api/v1/services"),
            new Format("jsonld", "/api/v1/catalogue.jsonld"),
            new Format("csv", "/api/v1/services.csv"),
            new Format("changes", "/api/v1/changes?since=0"),
            new Format("sitemap", "/sitemap.xml"),
            new Format("schemaorg", null),
            new Format("articleexport", "/_vti_bin/borger/ArticleExport.svc?wsdl"));

    @GetMapping("/aabne-data")
    String openData(Model model) {
        model.addAttribute("formats", FORMATS);
        return "opendata/open-data";
    }
}
