package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.PageLayout;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.TableRow;
import io.budgetlens.events.TextLine;
import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.ingest.decode.TextTable;
import io.budgetlens.ingest.decode.pdf.PdfText;

/**
 * Puts what the parser read from a PDF back on its pages (contract v1.1): every fact's evidence, every table row
 * and cell, every summary entry and warning gets the page and box it is printed at; the parsed event gets the page
 * layout and the line boxes. Offsets are the normalised text's, as everywhere in the event.
 */
final class PdfPlacement {

    private final DecodedDocument decoded;
    private final Map<String, DisclosureTable> tablesById = new LinkedHashMap<>();

    PdfPlacement(DecodedDocument decoded) {
        this.decoded = decoded;
    }

    /** The tables with their rows' and cells' positions (tables and decoded grids are in the same order). */
    List<DisclosureTable> tables(List<DisclosureTable> tables) {
        List<TextTable> grids = decoded.tables();
        List<DisclosureTable> placed = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            DisclosureTable t = tables.get(i);
            TextTable grid = i < grids.size() ? grids.get(i) : null;
            if (grid == null || grid.placements().size() != t.rows().size()) {
                placed.add(t);
                continue;
            }
            List<TableRow> rows = new ArrayList<>(t.rows().size());
            for (int r = 0; r < t.rows().size(); r++) {
                TableRow row = t.rows().get(r);
                TextTable.RowPlacement p = grid.placements().get(r);
                rows.add(new TableRow(row.index(), row.code(), row.name(), row.cells(), row.start(), row.end(),
                        p.page(), null, p.box(), p.cellBoxes().size() == row.cells().size() ? p.cellBoxes() : null));
            }
            DisclosureTable table = new DisclosureTable(t.id(), t.type(), t.title(), t.unit(), t.columns(), rows,
                    t.emptyExplanation(), t.start(), t.end(), grid.pages(), t.label());
            tablesById.put(table.id(), table);
            placed.add(table);
        }
        return placed;
    }

    List<Fact> facts(List<Fact> facts) {
        return facts.stream().map(f -> new Fact(f.id(), f.key(), f.label(), f.value(), f.unit(), f.decimals(),
                f.basis(), f.scope(), f.change(), f.share(), f.shareDecimals(), locate(f.evidence()))).toList();
    }

    Map<String, SummaryEntry> summary(Map<String, SummaryEntry> summary) {
        Map<String, SummaryEntry> placed = new LinkedHashMap<>();
        summary.forEach((key, e) -> placed.put(key, new SummaryEntry(e.value(), e.scope(), locate(e.evidence()),
                e.printed(), e.printedUnit())));
        return placed;
    }

    List<ParseWarning> warnings(List<ParseWarning> warnings) {
        return warnings.stream().map(w -> new ParseWarning(w.code(), w.message(), locate(w.evidence()))).toList();
    }

    /** Page and box of one piece of evidence: its table cell (or row), else its quoted text. */
    Evidence locate(Evidence e) {
        if (e == null || e.box() != null) {
            return e;
        }
        if (e.tableId() != null && e.row() != null) {
            DisclosureTable t = tablesById.get(e.tableId());
            if (t != null && e.row() >= 0 && e.row() < t.rows().size()) {
                TableRow row = t.rows().get(e.row());
                var box = e.column() == null ? row.box() : row.cellBox(e.column());
                return e.at(row.page(), box == null ? row.box() : box, null);
            }
        }
        if (e.start() != null && e.end() != null) {
            PdfText.Placed placed = decoded.place(e.start(), e.end());
            if (placed != null) {
                return e.at(placed.page(), placed.box(), null);
            }
        }
        return e;
    }

    /** Each page and the range of normalised text that came from it. */
    List<PageLayout> pages() {
        List<PageLayout> pages = new ArrayList<>();
        for (PdfText.Page p : decoded.pdf().pages()) {
            pages.add(new PageLayout(null, p.number(), p.width(), p.height(), p.rotation(), normalized(p.start()),
                    normalized(p.end())));
        }
        return pages;
    }

    /** Each printed line and its box. */
    List<TextLine> lines() {
        List<TextLine> lines = new ArrayList<>(decoded.pdf().lines().size());
        for (PdfText.Line l : decoded.pdf().lines()) {
            lines.add(new TextLine(normalized(l.start()), normalized(l.end()), null, l.page(), l.box()));
        }
        return lines;
    }

    /** The normalised offset of an offset of the PDF text (the first normalised character at or after it). */
    private int normalized(int original) {
        int[] map = decoded.toOriginal();
        int lo = 0;
        int hi = decoded.text().length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (map[mid] < original) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
