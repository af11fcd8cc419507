package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Fact;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * TPB-001 “三公” total = 因公出国(境) + 公务用车购置及运行 + 公务接待, and 公务用车 = 购置 + 运行, in the “三公” table
 * (each of a final account's 预算数 and 决算数 blocks on its own) and in the narrative (current-year figures) when every
 * part is stated. A table that also prints 会议费 and 培训费 (Jiangsu's 09 table: 合计 | “三公”经费 小计 | … | 会议费 |
 * 培训费) is checked twice: “三公” 小计 = its parts, and 合计 = “三公” + 会议费 + 培训费.
 */
public final class ThreePublicRule extends AbstractRule {

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (DisclosureTable table : TableRules.tables(d, "THREE_PUBLIC")) {
            for (TableRow row : table.rows()) {
                if (row.cells().size() != table.columns().size()
                        || row.cells().stream().noneMatch(TableRules::isNumber)) {
                    continue;
                }
                for (List<TableColumn> group : groups(table)) {
                    checkRow(checks, table, row, group);
                }
            }
        }
        Map<String, Quantity> narrative = new HashMap<>();
        for (Fact f : d.facts() == null ? List.<Fact>of() : d.facts()) {
            if (f.value() == null || !"CURRENT".equals(f.basis()) || !"万元".equals(f.unit())) {
                continue;
            }
            String role = switch (f.key()) {
                case "three_public.total" -> "TOTAL";
                case "three_public.overseas" -> "OVERSEAS";
                case "three_public.vehicle" -> "VEHICLE";
                case "three_public.vehicle_purchase" -> "VEHICLE_PURCHASE";
                case "three_public.vehicle_operation" -> "VEHICLE_OPERATION";
                case "three_public.reception" -> "RECEPTION";
                default -> null;
            };
            if (role != null) {
                narrative.putIfAbsent(role, Quantity.printed(f.value(), f.decimals(), f.label(), f.evidence()));
            }
        }
        check(checks, narrative, "正文", "The narrative");
    }

    /**
     * The columns of one block of the table: a final account prints the budget and the actual side by side (column
     * groups BUDGET and ACTUAL), each a whole “三公” table of its own; otherwise (one group or none: a heading 预算数 over
     * some columns only) the whole table.
     */
    private static List<List<TableColumn>> groups(DisclosureTable table) {
        if (table.columns().stream().map(ContractV11::columnGroup).filter(Objects::nonNull).distinct()
                .count() < 2) {
            return List.of(table.columns());
        }
        Map<String, List<TableColumn>> byGroup = new LinkedHashMap<>();
        for (TableColumn column : table.columns()) {
            String group = ContractV11.columnGroup(column);
            byGroup.computeIfAbsent(group == null ? "" : group, g -> new ArrayList<>()).add(column);
        }
        return List.copyOf(byGroup.values());
    }

    /**
     * One data row of one block, read by role. The “三公” total is the TOTAL column (the 小计 under “三公”经费 when
     * the table also prints 会议费 and 培训费); a GRAND_TOTAL column (a 合计 that is not the “三公” total) is checked as
     * “三公” + 会议费 + 培训费. An older reading without GRAND_TOTAL, where the one TOTAL column stands beside 会议费
     * and 培训费 columns, is that grand total. The first column of a role in a block is the one read (the 小计 of
     * 公务用车 comes before its parts).
     */
    private void checkRow(Checks checks, DisclosureTable table, TableRow row, List<TableColumn> group) {
        Map<String, Quantity> q = new HashMap<>();
        List<Quantity> extras = new ArrayList<>();
        boolean extrasReadable = true;
        Quantity grand = null;
        boolean grandColumn = false;
        for (TableColumn column : group) {
            String role = role(column);
            if (role == null) {
                continue;
            }
            Quantity cell = TableRules.cell(table, row, column);
            switch (role) {
                case "MEETING", "TRAINING" -> {
                    extrasReadable &= cell != null;
                    if (cell != null) {
                        extras.add(cell);
                    }
                }
                case "GRAND_TOTAL" -> {
                    grandColumn = true;
                    grand = grand == null ? cell : grand;
                }
                default -> {
                    if (cell != null) {
                        q.putIfAbsent(role, cell);
                    }
                }
            }
        }
        if (!grandColumn && (!extras.isEmpty() || !extrasReadable)) {
            grand = q.remove("TOTAL");
        }
        String whereZh = "《" + table.title() + "》";
        String whereEn = "In " + table.title();
        Quantity threePublic = check(checks, q, whereZh, whereEn);
        if (grand == null || threePublic == null || extras.isEmpty() || !extrasReadable) {
            return;
        }
        Quantity sum = threePublic.plus(Quantity.sum(extras));
        List<Quantity> operands = new ArrayList<>(List.of(grand, threePublic));
        operands.addAll(extras);
        Quantity total = grand;
        checks.equal(sum, grand,
                () -> whereZh + "合计" + Findings.plain(total.value()) + "万元不等于“三公”经费" + Findings.plain(threePublic.value())
                        + "万元与会议费、培训费之和" + Findings.plain(sum.value()) + "万元。",
                () -> whereEn + ": the total " + Findings.plain(total.value()) + " is not “three public” "
                        + Findings.plain(threePublic.value()) + " + meetings + training = " + Findings.plain(sum.value())
                        + ".",
                operands);
    }

    /** The column's role; 会议费 and 培训费 by their heading when the parser gave them none. */
    private static String role(TableColumn column) {
        if (column.role() != null && !"OTHER".equals(column.role())) {
            return column.role();
        }
        String header = column.header() == null ? "" : column.header();
        return header.contains("会议费") ? "MEETING" : header.contains("培训费") ? "TRAINING" : column.role();
    }

    /** Checks 车辆 = 购置 + 运行 and 三公 = 出国 + 车辆 + 接待; the “三公” total (printed, else the sum of its parts). */
    private Quantity check(Checks checks, Map<String, Quantity> q, String whereZh, String whereEn) {
        Quantity vehicle = q.get("VEHICLE");
        if (q.containsKey("VEHICLE_PURCHASE") && q.containsKey("VEHICLE_OPERATION")) {
            Quantity parts = q.get("VEHICLE_PURCHASE").plus(q.get("VEHICLE_OPERATION"));
            if (vehicle != null) {
                Quantity printed = vehicle;
                checks.equal(parts, vehicle, () -> whereZh + "公务用车购置及运行费" + Findings.plain(printed.value()) + "万元不等于购置费与运行费之和"
                                + Findings.plain(parts.value()) + "万元。",
                        () -> whereEn + ": official vehicles " + Findings.plain(printed.value())
                                + " is not purchase + operation " + Findings.plain(parts.value()) + ".",
                        List.of(vehicle, q.get("VEHICLE_PURCHASE"), q.get("VEHICLE_OPERATION")));
            } else {
                vehicle = parts;
            }
        }
        Quantity total = q.get("TOTAL");
        if (vehicle == null || !q.containsKey("OVERSEAS") || !q.containsKey("RECEPTION")) {
            return total;
        }
        Quantity sum = q.get("OVERSEAS").plus(vehicle).plus(q.get("RECEPTION"));
        if (total == null) {
            return sum;
        }
        List<Quantity> operands = new ArrayList<>(List.of(total, q.get("OVERSEAS"), q.get("RECEPTION")));
        for (String part : List.of("VEHICLE", "VEHICLE_PURCHASE", "VEHICLE_OPERATION")) {
            if (q.containsKey(part)) {
                operands.add(q.get(part));
            }
        }
        checks.equal(sum, total, () -> whereZh + "“三公”经费合计" + Findings.plain(total.value()) + "万元不等于因公出国(境)费、公务用车购置及运行费、"
                        + "公务接待费之和" + Findings.plain(sum.value()) + "万元。",
                () -> whereEn + ": “three public” total " + Findings.plain(total.value())
                        + " is not overseas travel + vehicles + reception = " + Findings.plain(sum.value()) + ".",
                operands);
        return total;
    }
}
