package io.budgetlens.ingest.decode.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Boxes of text (our glyphs, or another reader's text elements) grouped into lines: a box joins a line when it overlaps
 * the line's vertical extent by at least half of the smaller of the two heights, and the line's extent grows to hold
 * it. Public for the table-method benchmark, which groups tabula's text elements the same way.
 */
public final class LineGroups {

    /** A measure of a box in display space: its top, bottom or height. */
    @FunctionalInterface
    public interface Measure<T> {
        float of(T box);
    }

    /** A line: its boxes in the order they joined it, and its vertical extent. */
    public record Line<T>(List<T> boxes, float top, float bottom) {
    }

    private LineGroups() {
    }

    /**
     * @param sorted   the boxes, by their vertical centre and then from the left
     * @param lookBack how many of the newest lines a box may join (1: the last one only)
     * @return the lines in the order they were opened
     */
    public static <T> List<Line<T>> of(List<T> sorted, Measure<T> top, Measure<T> bottom, Measure<T> height,
                                       int lookBack) {
        List<List<T>> groups = new ArrayList<>();
        List<float[]> extents = new ArrayList<>();
        for (T box : sorted) {
            int target = -1;
            for (int i = groups.size() - 1; i >= 0 && i >= groups.size() - lookBack; i--) {
                float[] e = extents.get(i);
                float overlap = Math.min(e[1], bottom.of(box)) - Math.max(e[0], top.of(box));
                float smaller = Math.min(e[1] - e[0], height.of(box));
                if (overlap >= 0.5f * smaller) {
                    target = i;
                    break;
                }
            }
            if (target < 0) {
                groups.add(new ArrayList<>());
                extents.add(new float[] {top.of(box), bottom.of(box)});
                target = groups.size() - 1;
            }
            groups.get(target).add(box);
            float[] e = extents.get(target);
            e[0] = Math.min(e[0], top.of(box));
            e[1] = Math.max(e[1], bottom.of(box));
        }
        List<Line<T>> lines = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            lines.add(new Line<>(groups.get(i), extents.get(i)[0], extents.get(i)[1]));
        }
        return lines;
    }
}
