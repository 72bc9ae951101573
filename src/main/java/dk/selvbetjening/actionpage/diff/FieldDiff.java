package dk.selvbetjening.actionpage.diff;

import java.util.List;

/** How one field of the action page differs between two revisions, word by word. */
public record FieldDiff(String field, List<DiffSegment> segments) {

    public FieldDiff {
        segments = List.copyOf(segments);
    }

    public boolean changed() {
        return segments.stream().anyMatch(s -> s.kind() != DiffSegment.Kind.SAME);
    }
}
