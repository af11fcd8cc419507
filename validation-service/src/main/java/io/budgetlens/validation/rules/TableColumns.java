package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableColumn;

/**
 * Column groups of tables printed as two or three groups side by side (收入 | 支出; Jiangsu's 收入 | 支出(功能) |
 * 支出(用途)): the contract's {@code TableColumn.group} when the parser sets it (v1.1), otherwise a new group at each
 * name column after the first. Each group starts with its label (name) column.
 */
final class TableColumns {

    private TableColumns() {
    }

    /** {@link #groups}, computed once per table object in a validation (rules look a table's groups up row by row). */
    static List<List<TableColumn>> groupsOf(DisclosureTable table) {
        return DocumentScope.perObject(TableColumns.class, table, TableColumns::groups);
    }

    static List<List<TableColumn>> groups(DisclosureTable table) {
        List<TableColumn> columns = table.columns().stream().sorted(Comparator.comparingInt(TableColumn::index))
                .toList();
        List<List<TableColumn>> out = new ArrayList<>();
        boolean declared = columns.stream().anyMatch(c -> ContractV11.columnGroup(c) != null);
        List<TableColumn> current = null;
        String currentGroup = null;
        TableColumn lastLabel = null;
        for (TableColumn c : columns) {
            boolean label = "NAME".equals(c.role());
            boolean starts = declared ? !Objects.equals(ContractV11.columnGroup(c), currentGroup) || current == null
                    : label && (current == null || current.size() > 1);
            if (starts) {
                current = new ArrayList<>();
                out.add(current);
                currentGroup = ContractV11.columnGroup(c);
                if (!label && lastLabel != null) {
                    current.add(lastLabel);
                }
            }
            if (current == null) {
                continue;
            }
            current.add(c);
            if (label) {
                lastLabel = c;
            }
        }
        out.removeIf(g -> g.size() < 2 || !"NAME".equals(g.get(0).role()));
        return out;
    }
}
