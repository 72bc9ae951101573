package dk.selvbetjening.actionpage;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What citizens see of some self-services' action pages ({@link ActionPageService#asCitizensSee}).
 *
 * @param published the published pages, by self-service; a self-service without one shows its short description
 * @param archived the self-services whose page is archived: citizens see neither the page nor the self-service
 */
public record CitizenActionPages(Map<UUID, ActionPageDetails> published, Set<UUID> archived) {

    public CitizenActionPages {
        published = Map.copyOf(published);
        archived = Set.copyOf(archived);
    }
}
