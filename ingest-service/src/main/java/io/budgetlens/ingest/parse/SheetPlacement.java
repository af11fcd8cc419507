package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableRow;
import io.budgetlens.ingest.decode.TextTable;

/**
 * Puts what the parser read from a spreadsheet back in its cells (contract v1.1): each table names its sheet
 * ({@code DisclosureTable.sheet}) and each row gives the A1 reference of each cell ({@code TableRow.cellRefs},
 * parallel to {@code cells}), so evidence pointing at a table cell points at a sheet and a cell.
 */
final class SheetPlacement {

    private SheetPlacement() {
    }

    /** The tables with their sheet and cell references (each table read from a grid starts where the grid does). */
    static List<DisclosureTable> tables(List<DisclosureTable> tables, List<TextTable> grids) {
        Map<Integer, TextTable> gridsByStart = new HashMap<>();
        grids.forEach(g -> gridsByStart.put(g.start(), g));
        List<DisclosureTable> placed = new ArrayList<>(tables.size());
        for (DisclosureTable t : tables) {
            TextTable grid = t.start() == null ? null : gridsByStart.get(t.start());
            if (grid == null || grid.sheet() == null || grid.cellRefs().size() != t.rows().size()) {
                placed.add(t);
                continue;
            }
            List<TableRow> rows = new ArrayList<>(t.rows().size());
            for (int r = 0; r < t.rows().size(); r++) {
                TableRow row = t.rows().get(r);
                List<String> refs = grid.cellRefs().get(r);
                rows.add(new TableRow(row.index(), row.code(), row.name(), row.cells(), row.start(), row.end(),
                        row.page(), row.part(), row.box(), row.cellBoxes(),
                        refs.size() == row.cells().size() ? refs : null));
            }
            placed.add(new DisclosureTable(t.id(), t.type(), t.title(), t.unit(), t.columns(), rows,
                    t.emptyExplanation(), t.start(), t.end(), t.pages(), t.label(), grid.sheet()));
        }
        return placed;
    }
}
