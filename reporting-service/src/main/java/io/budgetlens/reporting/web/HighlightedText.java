package io.budgetlens.reporting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.quarkus.qute.TemplateData;

/**
 * A document's normalised text cut into segments so that every evidence range [start, end) is covered by segments
 * carrying its CSS class, and its first segment is preceded by an anchor the finding links to. Overlapping ranges
 * simply share segments. The template escapes every segment: the text is untrusted.
 */
public final class HighlightedText {

    /** One evidence range: the class its segments get and the anchor id before its first segment. */
    public record Range(int start, int end, String cssClass, String anchor) {
    }

    @TemplateData
    public record Segment(String text, String cssClasses, List<String> anchors) {
        public boolean marked() {
            return !cssClasses.isEmpty();
        }
    }

    private HighlightedText() {
    }

    public static List<Segment> segments(String text, List<Range> ranges) {
        List<Segment> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        List<Range> valid = ranges.stream()
                .filter(r -> r.start() >= 0 && r.end() <= text.length() && r.start() < r.end()).toList();
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Range r : valid) {
            cuts.add(r.start());
            cuts.add(r.end());
        }
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                int from = previous;
                int to = cut;
                StringBuilder classes = new StringBuilder();
                List<String> anchors = new ArrayList<>();
                for (Range r : valid) {
                    if (r.start() <= from && r.end() >= to) {
                        classes.append(classes.isEmpty() ? "" : " ").append(r.cssClass());
                    }
                    if (r.start() == from && r.anchor() != null && !anchors.contains(r.anchor())) {
                        anchors.add(r.anchor());
                    }
                }
                out.add(new Segment(text.substring(from, to), classes.toString(), anchors));
            }
            previous = cut;
        }
        return out;
    }
}
