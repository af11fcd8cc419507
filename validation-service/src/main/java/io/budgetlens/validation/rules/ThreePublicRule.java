package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Severity;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * TPB-001 “三公” total = 因公出国(境) + 公务用车购置及运行 + 公务接待, and 公务用车 = 购置 + 运行, in the “三公” table
 * and in the narrative (current-year figures) when every part is stated. A table whose 合计 also counts 会议费 and
 * 培训费 (Jiangsu's 09 table) is checked as 合计 = “三公” parts + 会议费 + 培训费.
 */
public final class ThreePublicRule extends AbstractRule {

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("TPB-001", "“三公”经费合计等于各分项之和",
            "“Three public” expenses equal the sum of their parts",
            "三公 = 出国 + 车辆(购置 + 运行) + 接待; 车辆 = 购置 + 运行", Category.HIERARCHY, Severity.ERROR,
            Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        Checks checks = new Checks();
        for (DisclosureTable table : TableRules.tables(d, "THREE_PUBLIC")) {
            for (TableRow row : table.rows()) {
                if (row.cells().size() != table.columns().size()
                        || row.cells().stream().noneMatch(TableRules::isNumber)) {
                    continue;
                }
                Map<String, Quantity> q = new java.util.HashMap<>();
                List<Quantity> meetingsAndTraining = new ArrayList<>();
                boolean readable = true;
                for (TableColumn column : table.columns()) {
                    if (column.header() != null && (column.header().contains("会议费") || column.header().contains("培训费"))) {
                        // Jiangsu's 09 table: its 合计 also counts 会议费 and 培训费
                        Quantity cell = TableRules.cell(table, row, column);
                        readable &= cell != null;
                        if (cell != null) {
                            meetingsAndTraining.add(cell);
                        }
                        continue;
                    }
                    Quantity cell = column.role() == null ? null : TableRules.cell(table, row, column);
                    if (cell != null) {
                        q.put(column.role(), cell);
                    }
                }
                if (!readable) {
                    q.remove("TOTAL");
                } else if (!meetingsAndTraining.isEmpty() && q.containsKey("TOTAL")) {
                    q.put("TOTAL", q.get("TOTAL").minus(Quantity.sum(meetingsAndTraining))
                            .withEvidence(q.get("TOTAL").evidence()).withLabel("合计 − 会议费 − 培训费"));
                }
                check(checks, q, "《" + table.title() + "》", "In " + table.title());
            }
        }
        Map<String, Quantity> narrative = new java.util.HashMap<>();
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
        return checks.outcome();
    }

    private void check(Checks checks, Map<String, Quantity> q, String whereZh, String whereEn) {
        Quantity vehicle = q.get("VEHICLE");
        if (q.containsKey("VEHICLE_PURCHASE") && q.containsKey("VEHICLE_OPERATION")) {
            Quantity parts = q.get("VEHICLE_PURCHASE").plus(q.get("VEHICLE_OPERATION"));
            if (vehicle != null) {
                Comparison cmp = Comparison.of(parts, vehicle, DESCRIPTOR.severity());
                checks.add(cmp, Findings.of(DESCRIPTOR, cmp,
                        whereZh + "公务用车购置及运行费" + Findings.plain(vehicle.value()) + "万元不等于购置费与运行费之和"
                                + Findings.plain(parts.value()) + "万元。",
                        whereEn + ": official vehicles " + Findings.plain(vehicle.value())
                                + " is not purchase + operation " + Findings.plain(parts.value()) + ".",
                        List.of(vehicle, q.get("VEHICLE_PURCHASE"), q.get("VEHICLE_OPERATION"))));
            } else {
                vehicle = parts;
            }
        }
        Quantity total = q.get("TOTAL");
        if (total == null || vehicle == null || !q.containsKey("OVERSEAS") || !q.containsKey("RECEPTION")) {
            return;
        }
        Quantity sum = q.get("OVERSEAS").plus(vehicle).plus(q.get("RECEPTION"));
        List<Quantity> operands = new ArrayList<>(List.of(total, q.get("OVERSEAS"), q.get("RECEPTION")));
        for (String part : List.of("VEHICLE", "VEHICLE_PURCHASE", "VEHICLE_OPERATION")) {
            if (q.containsKey(part)) {
                operands.add(q.get(part));
            }
        }
        Comparison cmp = Comparison.of(sum, total, DESCRIPTOR.severity());
        checks.add(cmp, Findings.of(DESCRIPTOR, cmp,
                whereZh + "“三公”经费合计" + Findings.plain(total.value()) + "万元不等于因公出国(境)费、公务用车购置及运行费、"
                        + "公务接待费之和" + Findings.plain(sum.value()) + "万元。",
                whereEn + ": “three public” total " + Findings.plain(total.value())
                        + " is not overseas travel + vehicles + reception = " + Findings.plain(sum.value()) + ".",
                operands));
    }
}
