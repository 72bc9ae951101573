package dk.selvbetjening.shared.changes;

import java.util.Map;
import java.util.Set;

/**
 * Another node committed a change that makes some of this node's in-memory state stale (ADR 0019), published on this
 * node, outside any transaction, as soon as the change is known here. The modules that hold the state listen with
 * {@code @EventListener} and refresh what the kinds they announce name.
 *
 * @param changes the ids that changed, by kind; an empty set names every thing of that kind
 * @param everything true when this node cannot know what changed (a notification was missed): every kind, every id
 */
public record ChangedOnAnotherNode(Map<String, Set<String>> changes, boolean everything) {

    public ChangedOnAnotherNode {
        changes = Map.copyOf(changes);
    }

    /** Something, no one knows what: each listener refreshes all it holds. */
    static ChangedOnAnotherNode unknown() {
        return new ChangedOnAnotherNode(Map.of(), true);
    }

    /** Whether anything of {@code kind} changed. */
    public boolean concerns(String kind) {
        return everything || changes.containsKey(kind);
    }

    /** Whether every thing of {@code kind} may have changed (then {@link #ids} is not the whole story). */
    public boolean allOf(String kind) {
        return everything || changes.getOrDefault(kind, Set.of("")).isEmpty();
    }

    /** The ids of {@code kind} that changed; empty when none or when {@link #allOf} is true. */
    public Set<String> ids(String kind) {
        return everything ? Set.of() : changes.getOrDefault(kind, Set.of());
    }
}
