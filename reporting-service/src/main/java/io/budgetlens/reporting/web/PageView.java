package io.budgetlens.reporting.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.type.TypeReference;

import io.budgetlens.events.Box;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.PageLayout;
import io.budgetlens.reporting.query.DisclosureQueries.FindingRow;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.quarkus.qute.TemplateData;

/**
 * A finding shown where it is printed: the PDF page as an image with a box over each piece of the finding's evidence
 * on that page. Boxes travel in the contract's space (unrotated PDF points, y upward) and become percentages of the
 * displayed page (its /Rotate applied, as the rendered image is), which dashboard.js applies as the boxes' position
 * (the Content-Security-Policy allows no inline style).
 */
@TemplateData
public record PageView(DisclosureEntity d, FindingRow finding, String message, int page, Integer part,
                       String image, List<Mark> marks, String back) {

    /** A box as left, top, width, height in percent of the displayed page. */
    @TemplateData
    public record Mark(String box, String quote) {
    }

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };
    private static final TypeReference<List<PageLayout>> PAGES = new TypeReference<>() {
    };

    /** The page of one piece of evidence (by its index), with every box of the finding on that page; null if none. */
    static PageView of(DisclosureEntity d, FindingRow finding, int evidenceIndex, boolean english) {
        List<Evidence> evidence = read(finding.evidence(), EVIDENCE);
        List<PageLayout> pages = read(d.pages, PAGES);
        if (evidence.isEmpty() || pages.isEmpty()) {
            return null;
        }
        Evidence chosen = evidenceIndex >= 0 && evidenceIndex < evidence.size() ? evidence.get(evidenceIndex) : null;
        if (chosen == null || chosen.page() == null || chosen.box() == null) {
            chosen = evidence.stream().filter(e -> e.page() != null && e.box() != null && e.documentId() == null)
                    .findFirst().orElse(null);
        }
        if (chosen == null) {
            return null;
        }
        int page = chosen.page();
        Integer part = chosen.part();
        PageLayout layout = pages.stream().filter(p -> p.page() == page && java.util.Objects.equals(p.part(), part))
                .findFirst().orElse(null);
        if (layout == null) {
            return null;
        }
        List<Mark> marks = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.page() != null && e.page() == page && java.util.Objects.equals(e.part(), part) && e.box() != null
                    && e.documentId() == null) {
                marks.add(new Mark(percent(e.box(), layout), e.quote()));
            }
        }
        String image = "/api/v1/disclosures/" + d.documentId + "/pages/" + page + ".png"
                + (part == null ? "" : "?part=" + part);
        return new PageView(d, finding, english ? finding.messageEn() : finding.messageZh(), page, part, image, marks,
                "/disclosures/" + d.documentId + "#" + finding.anchor());
    }

    /** A contract box as "left,top,width,height" percentages of the page as displayed. */
    static String percent(Box b, PageLayout p) {
        double w = p.width();
        double h = p.height();
        double[] a = display(b.x0(), b.y0(), w, h, p.rotation());
        double[] c = display(b.x1(), b.y1(), w, h, p.rotation());
        boolean turned = p.rotation() == 90 || p.rotation() == 270;
        double dw = turned ? h : w;
        double dh = turned ? w : h;
        double left = Math.min(a[0], c[0]) / dw * 100;
        double top = Math.min(a[1], c[1]) / dh * 100;
        double width = Math.abs(a[0] - c[0]) / dw * 100;
        double height = Math.abs(a[1] - c[1]) / dh * 100;
        return String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", left, top, width, height);
    }

    /** A point of unrotated user space (y upward) on the displayed page (origin top-left, y downward). */
    static double[] display(double x, double y, double w, double h, int rotation) {
        return switch (rotation) {
            case 90 -> new double[] {y, x};
            case 180 -> new double[] {w - x, y};
            case 270 -> new double[] {h - y, w - x};
            default -> new double[] {x, h - y};
        };
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (IOException e) {
            return List.of();
        }
    }
}
