package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.Box;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.TableRow;
import io.budgetlens.events.TextLine;

/**
 * Puts a finding's evidence on the page of a PDF disclosure (contract v1.1), so a reader can see it where it is
 * printed: a table cell takes the cell's box (or the row's), a quote takes the boxes of the printed lines it covers on
 * its first page, narrowed to its characters by their share of the line. Evidence from another document, or from a
 * document without pages (text, HTML), stays as it is.
 */
final class EvidenceLocator {

    private final Map<String, DisclosureTable> tables = new HashMap<>();
    private final List<TextLine> lines;

    EvidenceLocator(DisclosureParsed parsed) {
        if (parsed.tables() != null) {
            parsed.tables().forEach(t -> tables.put(t.id(), t));
        }
        lines = parsed.lines() == null ? List.of() : parsed.lines();
    }

    List<Finding> locate(List<Finding> findings) {
        if (lines.isEmpty() && tables.values().stream().allMatch(t -> t.pages() == null)) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<Evidence> evidence = f.evidence() == null ? null : f.evidence().stream().map(this::locate).toList();
            out.add(new Finding(f.ruleId(), f.severity(), f.category(), f.messageZh(), f.messageEn(), f.expected(),
                    f.actual(), f.excess(), f.unit(), evidence));
        }
        return out;
    }

    Evidence locate(Evidence e) {
        if (e == null || e.box() != null || e.documentId() != null) {
            return e;
        }
        if (e.tableId() != null && e.row() != null) {
            DisclosureTable t = tables.get(e.tableId());
            if (t != null && e.row() >= 0 && e.row() < t.rows().size()) {
                TableRow row = t.rows().get(e.row());
                Box box = e.column() == null ? null : row.cellBox(e.column());
                return e.at(row.page(), box != null ? box : row.box(), row.part());
            }
        }
        if (e.start() != null && e.end() != null && e.end() > e.start()) {
            Integer page = null;
            Integer part = null;
            Box union = null;
            for (TextLine line : lines) {
                if (line.end() <= e.start() || line.start() >= e.end() || line.box() == null) {
                    continue;
                }
                if (page == null) {
                    page = line.page();
                    part = line.part();
                } else if (line.page() != page) {
                    break;
                }
                union = narrowed(line, e.start(), e.end()).union(union);
            }
            if (union != null) {
                return e.at(page, union, part);
            }
        }
        return e;
    }

    /** The part of a line's box that holds [start, end), by the characters' share of the line's width. */
    private static Box narrowed(TextLine line, int start, int end) {
        Box b = line.box();
        int length = Math.max(1, line.end() - line.start());
        double from = Math.max(0, start - line.start()) / (double) length;
        double to = Math.min(length, end - line.start()) / (double) length;
        if (b.width() >= b.height()) {
            return new Box(b.x0() + from * b.width(), b.y0(), b.x0() + to * b.width(), b.y1());
        }
        // A line of a page turned by /Rotate 90 runs along y in user space.
        return new Box(b.x0(), b.y0() + from * b.height(), b.x1(), b.y0() + to * b.height());
    }
}
