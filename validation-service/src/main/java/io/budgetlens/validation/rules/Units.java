package io.budgetlens.validation.rules;

import java.math.BigDecimal;

import io.budgetlens.events.DisclosureTable;

/**
 * Units of tables: a table's own 单位 line (DisclosureTable.unit: 万元 or 元; 万元 when it does not say), and the
 * conversion of a cell printed in 元 to the narrative's 万元. The conversion divides the cell's interval, so a
 * figure of 1,234,567.89 元 stands for 123.4567885–123.4567895 万元 and a narrative 123.46 万元 is consistent with it
 * (docs/domain.md §8: compare after conversion, within the conversion's rounding).
 */
final class Units {

    static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Units() {
    }

    static String unit(DisclosureTable table) {
        String unit = table.unit() == null ? "" : table.unit().replace(" ", "").replace("单位:", "");
        return unit.isEmpty() ? "万元" : unit;
    }

    static boolean inYuan(DisclosureTable table) {
        return "元".equals(unit(table));
    }

    /** A cell of the table in 万元 (unchanged when the table is in 万元). */
    static Quantity toWanYuan(DisclosureTable table, Quantity cell) {
        if (!inYuan(table)) {
            return cell;
        }
        Quantity q = cell.dividedBy(TEN_THOUSAND);
        return new Quantity(q.value(), q.low(), q.high(), cell.decimals() + 4, q.label(), q.evidence());
    }
}
