package dk.selvbetjening.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whether new start counts change the order a search shows. Searches sort by score, then by starts (most first), then
 * by the index's own order, in which a document written again goes last. So the results stay the same when every two
 * documents compare the same way by starts as before (more, fewer, as many), and no document whose count changed (and
 * is therefore written to the index again) ties with another one. Otherwise the order may change.
 */
final class StartRanking {

    private StartRanking() {
    }

    /**
     * @param before each document's starts before
     * @param after each document's starts now (the same documents)
     * @param changed the documents whose count changed
     */
    static boolean reordered(Map<UUID, Long> before, Map<UUID, Long> after, Set<UUID> changed) {
        if (changed.isEmpty()) {
            return false;
        }
        List<UUID> byStarts = new ArrayList<>(before.keySet());
        byStarts.sort(Comparator.comparing(before::get));
        for (int i = 1; i < byStarts.size(); i++) {
            UUID lower = byStarts.get(i - 1);
            UUID higher = byStarts.get(i);
            int was = Long.compare(before.get(lower), before.get(higher));
            int now = Long.compare(after.get(lower), after.get(higher));
            if (was != now) {
                return true;
            }
            if (now == 0 && (changed.contains(lower) || changed.contains(higher))) {
                return true;
            }
        }
        return false;
    }
}
