package dk.selvbetjening.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.selvbetjening.actionpage.ActionPageService;
import dk.selvbetjening.authority.AuthorityService;
import dk.selvbetjening.authority.CvrNumber;
import dk.selvbetjening.authority.NewAuthority;
import dk.selvbetjening.catalogue.NewSelfService;
import dk.selvbetjening.catalogue.SelfServiceDetails;
import dk.selvbetjening.catalogue.SelfServiceService;
import dk.selvbetjening.municipallink.MunicipalLinkService;
import dk.selvbetjening.shared.SystemPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo content into an empty catalogue, all or nothing (one transaction), through the modules'
 * own services so every rule of theirs applies, as the application itself ({@link SystemPrincipal}). Does nothing
 * when the catalogue has any self-service.
 */
@Component
@ConditionalOnBooleanProperty("selvbetjening.demo.enabled")
class DemoContentLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    private final DemoProperties properties;
    private final ResourceLoader resources;
    private final JsonMapper json;
    private final AuthorityService authorities;
    private final SelfServiceService services;
    private final ActionPageService actionPages;
    private final MunicipalLinkService links;
    private final DemoAssessments assessments;

    DemoContentLoader(DemoProperties properties, ResourceLoader resources, JsonMapper json,
            AuthorityService authorities, SelfServiceService services, ActionPageService actionPages,
            MunicipalLinkService links, DemoAssessments assessments) {
        this.assessments = assessments;
        this.properties = properties;
        this.resources = resources;
        this.json = json;
        this.authorities = authorities;
        this.services = services;
        this.actionPages = actionPages;
        this.links = links;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (services.count() > 0) {
            log.info("Catalogue not empty; no demo content loaded");
            return;
        }
        DemoContent content;
        try (InputStream in = resources.getResource(properties.resource()).getInputStream()) {
            content = json.readValue(in, DemoContent.class);
        }
        SystemPrincipal.run(() -> load(content));
    }

    private void load(DemoContent content) {
        Map<String, UUID> authorityIds = new HashMap<>();
        List<SelfServiceDetails> mandatory = new ArrayList<>();
        for (DemoContent.DemoAuthority a : content.authorities()) {
            var registered = authorities.register(new NewAuthority(a.name(), a.type(), new CvrNumber(a.cvrNumber()),
                    a.municipalityCode(), a.homepageUrl(), a.contactPhone(), a.contactEmail(), true));
            authorityIds.put(a.key(), registered.id());
        }
        for (DemoContent.DemoService s : content.services()) {
            UUID owner = authorityIds.get(s.authority());
            if (owner == null) {
                throw new IllegalStateException("Demo service " + s.slug() + " names unknown authority " + s.authority());
            }
            SelfServiceDetails added = services.add(new NewSelfService(s.slug(), s.title(), s.shortDescription(),
                    s.kind(), s.scope(), s.url(), s.formReturn(), owner, s.supplierName(), s.supplierEmail(),
                    s.loginMethod(), s.mandatoryWave(), s.kleNumber(), s.topics(), s.keywords(), true));
            actionPages.write(added.id(), s.actionPage());
            if (s.municipalLinks() != null) {
                s.municipalLinks().forEach((code, url) -> links.setLink(added.id(), Integer.parseInt(code), url, null));
            }
            if (added.mandatoryWave() != null) {
                assessments.beforePublishing(added);
                mandatory.add(added);
            }
            services.publish(added.id());
        }
        assessments.afterPublishing(mandatory);
        log.info("Demo content loaded: {} authorities, {} self-services", content.authorities().size(),
                content.services().size());
    }
}
