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
import io.budgetlens.ingest.decode.TextTable;

/**
 * Puts what the parser read from PDFs back on their pages (contract v1.1): every fact's evidence, every table row
 * and cell, every summary entry and warning gets the page and box it is printed at; the parsed event gets the page
 * layout and the line boxes. Offsets are the normalised text's, as everywhere in the event.
 */
final class PdfPlacement {

    private final DocumentParts document;
    private final Map<String, DisclosureTable> tablesById = new LinkedHashMap<>();

    PdfPlacement(DocumentParts document) {
        this.document = document;
    }

    /** The tables with their rows' and cells' positions (each table read from a grid starts where the grid does). */
    List<DisclosureTable> tables(List<DisclosureTable> tables) {
        Map<Integer, TextTable> gridsByStart = new java.util.HashMap<>();
        document.tables().forEach(g -> gridsByStart.put(g.start(), g));
        List<DisclosureTable> placed = new ArrayList<>(tables.size());
        for (DisclosureTable t : tables) {
            TextTable grid = t.start() == null ? null : gridsByStart.get(t.start());
            if (grid == null || grid.placements().size() != t.rows().size()) {
                placed.add(t);
                continue;
            }
            Integer part = document.partNumber(grid.start());
            List<TableRow> rows = new ArrayList<>(t.rows().size());
            for (int r = 0; r < t.rows().size(); r++) {
                TableRow row = t.rows().get(r);
                TextTable.RowPlacement p = grid.placements().get(r);
                rows.add(new TableRow(row.index(), row.code(), row.name(), row.cells(), row.start(), row.end(),
                        p.page(), part, p.box(), p.cellBoxes().size() == row.cells().size() ? p.cellBoxes() : null));
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
                return e.at(row.page(), box == null ? row.box() : box, row.part());
            }
        }
        if (e.start() != null && e.end() != null) {
            DocumentParts.Located located = document.place(e.start(), e.end());
            if (located != null) {
                return e.at(located.placed().page(), located.placed().box(), located.part());
            }
        }
        return e;
    }

    /** Each page and the range of normalised text that came from it. */
    List<PageLayout> pages() {
        return document.pages();
    }

    /** Each printed line and its box. */
    List<TextLine> lines() {
        return document.lines();
    }
}
