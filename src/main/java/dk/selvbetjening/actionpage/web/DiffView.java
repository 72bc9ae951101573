package dk.selvbetjening.actionpage.web;

import java.util.ArrayList;
import java.util.List;

import dk.selvbetjening.actionpage.diff.DiffSegment;
import dk.selvbetjening.actionpage.diff.DiffSegment.Kind;
import dk.selvbetjening.actionpage.diff.FieldDiff;

/**
 * One changed field as the comparison page prints it. A word diff matches the spaces between changed words too
 * ("online." → "på nettet." comes out as added "på", same " ", added "nettet."); read aloud, each fragment would be
 * announced on its own. So a run of changes with only spaces between them becomes one removed and one added text.
 */
public record DiffView(String field, List<DiffSegment> segments) {

    static DiffView of(FieldDiff diff) {
        List<DiffSegment> out = new ArrayList<>();
        List<DiffSegment> group = new ArrayList<>();
        List<DiffSegment> in = diff.segments();
        for (int i = 0; i < in.size(); i++) {
            DiffSegment segment = in.get(i);
            boolean change = segment.kind() != Kind.SAME;
            boolean spaceInsideChange = segment.kind() == Kind.SAME && segment.text().isBlank() && !group.isEmpty()
                    && i + 1 < in.size() && in.get(i + 1).kind() != Kind.SAME;
            if (change || spaceInsideChange) {
                group.add(segment);
            } else {
                flush(group, out);
                out.add(segment);
            }
        }
        flush(group, out);
        return new DiffView(diff.field(), List.copyOf(out));
    }

    /** A run of changes as at most one REMOVED and one ADDED segment; spaces join only words of the same kind. */
    private static void flush(List<DiffSegment> group, List<DiffSegment> out) {
        for (Kind kind : List.of(Kind.REMOVED, Kind.ADDED)) {
            StringBuilder text = new StringBuilder();
            StringBuilder pending = new StringBuilder();
            for (DiffSegment segment : group) {
                if (segment.kind() == kind) {
                    if (!text.isEmpty()) {
                        text.append(pending);
                    }
                    pending.setLength(0);
                    text.append(segment.text());
                } else if (segment.kind() == Kind.SAME) {
                    pending.append(segment.text());
                }
            }
            if (!text.isEmpty()) {
                out.add(new DiffSegment(kind, text.toString()));
            }
        }
        group.clear();
    }
}
