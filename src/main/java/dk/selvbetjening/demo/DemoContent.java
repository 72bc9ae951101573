package dk.selvbetjening.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.selvbetjening.actionpage.ActionPageContent;
import dk.selvbetjening.authority.AuthorityType;
import dk.selvbetjening.catalogue.FormReturn;
import dk.selvbetjening.catalogue.LoginMethod;
import dk.selvbetjening.catalogue.SelfServiceKind;
import dk.selvbetjening.catalogue.SelfServiceScope;

/** The shape of {@code demo/demo-content.json}. */
record DemoContent(List<DemoAuthority> authorities, List<DemoService> services) {

    record DemoAuthority(String key, String name, AuthorityType type, String cvrNumber, Integer municipalityCode,
            String homepageUrl, String contactPhone, String contactEmail) {
    }

    record DemoService(String slug, String title, String shortDescription, SelfServiceKind kind,
            SelfServiceScope scope, String url, Set<FormReturn> formReturn, String authority, String supplierName,
            String supplierEmail, LoginMethod loginMethod, Integer mandatoryWave, String kleNumber,
            List<String> topics, List<String> keywords, ActionPageContent actionPage,
            Map<String, String> municipalLinks) {
    }
}
