package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * XTB-001 the same quantity in two tables is the same number: economic 30108 (养老保险缴费) = functional 2080505,
 * 30109 (职业年金) = 2080506, 30113 (住房公积金) = 2210201 (docs/domain.md §5 item 7), each pair compared when both are printed;
 * and 30217 公务接待费 cannot exceed the “三公” table's reception expense. Figures are compared in 万元 (a Shanghai
 * economic table printed in 元 against its “三公” table in 万元).
 */
public final class CrossTableRule extends AbstractRule {

    static final Map<String, String> PAIRS = Map.of("30108", "2080505", "30109", "2080506", "30113", "2210201");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        List<DisclosureTable> economic = TableRules.tables(d, "GPB_BASIC_EXPENDITURE");
        List<DisclosureTable> functional = new ArrayList<>(TableRules.tables(d, "GPB_EXPENDITURE"));
        if (functional.isEmpty()) {
            functional.addAll(TableRules.tables(d, "EXPENDITURE"));
        }
        for (DisclosureTable eTable : economic) {
            for (DisclosureTable fTable : functional.subList(0, Math.min(1, functional.size()))) {
                PAIRS.forEach((eCode, fCode) -> {
                    Quantity e = total(eTable, eCode);
                    Quantity f = total(fTable, fCode);
                    if (e == null || f == null) {
                        return;
                    }
                    checks.equal(f, e, () -> "《" + eTable.title() + "》" + e.label() + "为" + Findings.plain(e.value()) + "万元,《"
                                    + fTable.title() + "》对应的" + f.label() + "为" + Findings.plain(f.value()) + "万元。",
                            () -> "Economic item " + e.label() + " (" + Findings.plain(e.value()) + ") and functional item "
                                    + f.label() + " (" + Findings.plain(f.value()) + ") are the same payment but differ.",
                            List.of(e, f));
                });
            }
        }
        receptionBound(d, checks, economic);
    }

    /** 30217 公务接待费 in the economic table is part of the “三公” reception expense: it cannot exceed it. */
    private void receptionBound(DisclosureParsed d, Checks checks, List<DisclosureTable> economic) {
        Quantity reception = null;
        for (DisclosureTable t : TableRules.tables(d, "THREE_PUBLIC")) {
            TableColumn column = TableRules.column(t, "RECEPTION");
            for (TableRow row : t.rows()) {
                if (column != null && row.cells().size() == t.columns().size()
                        && row.cells().stream().anyMatch(TableRules::isNumber)) {
                    Quantity cell = TableRules.cell(t, row, column);
                    reception = cell == null ? null : Units.toWanYuan(t, cell);
                }
            }
        }
        if (reception == null) {
            return;
        }
        for (DisclosureTable eTable : economic) {
            Quantity item = total(eTable, "30217");
            if (item == null) {
                continue;
            }
            Comparison cmp;
            if (item.low().compareTo(reception.high()) > 0) {
                cmp = new Comparison(reception, item, io.budgetlens.events.Verdict.BROKEN, descriptor().severity(),
                        item.low().subtract(reception.high()));
            } else {
                cmp = new Comparison(reception, item, item.value().compareTo(reception.value()) <= 0
                        ? io.budgetlens.events.Verdict.HOLDS : io.budgetlens.events.Verdict.WITHIN_ROUNDING, null,
                        java.math.BigDecimal.ZERO);
            }
            checks.add(cmp, () -> "《" + eTable.title() + "》30217公务接待费" + Findings.plain(item.value()) + "万元超过“三公”经费中的公务接待费"
                            + Findings.plain(cmp.expected().value()) + "万元。",
                    () -> "Economic item 30217 reception (" + Findings.plain(item.value())
                            + ") exceeds the “three public” reception expense (" + Findings.plain(cmp.expected().value()) + ").",
                    List.of(item, reception));
        }
    }

    private static Quantity total(DisclosureTable table, String code) {
        TableColumn total = TableRules.column(table, "TOTAL");
        if (total == null) {
            return null;
        }
        for (TableRow row : table.rows()) {
            if (code.equals(row.code())) {
                Quantity cell = TableRules.cell(table, row, total);
                return cell == null ? null : Units.toWanYuan(table, cell);
            }
        }
        return null;
    }
}
