package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * Where the standard tables print a quantity the narrative states: functional classes and the basic/project split in
 * the expenditure tables, income and expenditure totals and income sources in the income-expenditure total tables and
 * the income table, the “三公” parts in the “三公” table, procurement, the government fund (an empty 政府性基金 table
 * means zero) and 机关运行经费. Each pair carries the table cell in 万元 (converted when the table is in 元) and the
 * cell as printed, so TXT-001 can compare them and UNIT-001 can tell a wrong unit from a wrong figure.
 */
final class TextTablePairs {

    private TextTablePairs() {
    }

    /** A narrative fact and the table cell that states the same quantity. */
    record Pair(Fact fact, DisclosureTable table, TableRow row, Quantity printed, Quantity inWanYuan,
                boolean exactScope) {
    }

    private record Locator(String type, FundScope scope, Predicate<Fact> fact, BiPredicate<DisclosureTable, TableRow> row,
                           Function<DisclosureTable, TableColumn> column) {
    }

    private static final Map<String, String> THREE_PUBLIC = Map.of("three_public.total", "TOTAL",
            "three_public.overseas", "OVERSEAS", "three_public.vehicle", "VEHICLE",
            "three_public.vehicle_purchase", "VEHICLE_PURCHASE", "three_public.vehicle_operation", "VEHICLE_OPERATION",
            "three_public.reception", "RECEPTION");

    private static final Map<String, String> SOURCE_WORDS = Map.of("income.government_fund", "政府性基金",
            "income.state_capital", "国有资本", "income.special_account", "财政专户", "income.operations", "事业收入",
            "income.business", "经营收入", "income.higher_level_subsidy", "上级补助",
            "income.subordinate_remittance", "附属单位", "income.other", "其他收入");

    static List<Pair> pairs(DisclosureParsed d) {
        return Narrative.of(d).pairs();
    }

    static List<Pair> compute(Narrative n) {
        DisclosureParsed d = n.document();
        Map<Fact, Fact> parents = RestatementRule.parents(n);
        List<Pair> out = new ArrayList<>();
        for (Fact f : n.facts()) {
            Fact parent = parents.get(f);
            if (!Narrative.isCurrentAmount(f) || Composition.partial(f)
                    || (parent != null && parent.key().equals("carry_forward.opening"))) {
                continue;
            }
            for (Locator l : locators(f)) {
                if (!n.sameMoney(l.scope(), f.scope())) {
                    continue;
                }
                Pair p = locate(d, f, l);
                if (p != null) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    private static Pair locate(DisclosureParsed d, Fact f, Locator l) {
        List<DisclosureTable> tables = d.tables() == null ? List.of() : d.tables();
        for (DisclosureTable t : tables) {
            if (!l.type().equals(t.type())) {
                continue;
            }
            if (t.emptyExplanation() != null) {
                if ("GOVERNMENT_FUND".equals(t.type())) {
                    Quantity zero = Quantity.exact(java.math.BigDecimal.ZERO, t.title() + "(空表)")
                            .withEvidence(new io.budgetlens.events.Evidence(t.emptyExplanation(), t.start(), t.end(),
                                    t.id(), null, null, null));
                    return new Pair(f, t, null, zero, zero, l.scope() == f.scope());
                }
                continue;
            }
            TableColumn column = l.column().apply(t);
            if (column == null) {
                continue;
            }
            for (TableRow row : t.rows()) {
                if (!l.row().test(t, row)) {
                    continue;
                }
                Quantity cell = TableRules.cell(t, row, column);
                if (cell != null) {
                    return new Pair(f, t, row, cell, Units.toWanYuan(t, cell), l.scope() == f.scope());
                }
            }
        }
        return null;
    }

    private static List<Locator> locators(Fact f) {
        String key = f.key();
        List<Locator> out = new ArrayList<>();
        boolean fundLabel = !Narrative.fund(f.label()).isEmpty();
        if (key.startsWith("expenditure.function.")) {
            String code = key.substring("expenditure.function.".length());
            BiPredicate<DisclosureTable, TableRow> row = (t, r) -> code.equals(r.code());
            out.add(new Locator("EXPENDITURE", FundScope.ALL_FUNDS, x -> true, row, t -> TableRules.column(t, "TOTAL")));
            out.add(new Locator("GPB_EXPENDITURE", FundScope.GENERAL_PUBLIC_BUDGET, x -> true, row,
                    t -> TableRules.column(t, "TOTAL")));
            return out;
        }
        if (key.equals("expenditure.item")) {
            BiPredicate<DisclosureTable, TableRow> row = (t, r) -> ItemPath.of(f.label()).names(t, r);
            out.add(new Locator("EXPENDITURE", FundScope.ALL_FUNDS, x -> true, row, t -> TableRules.column(t, "TOTAL")));
            out.add(new Locator("GPB_EXPENDITURE", FundScope.GENERAL_PUBLIC_BUDGET, x -> true, row,
                    t -> TableRules.column(t, "TOTAL")));
            return out;
        }
        switch (key) {
            case "expenditure.basic", "expenditure.project" -> {
                String role = key.endsWith("basic") ? "BASIC" : "PROJECT";
                out.add(new Locator("EXPENDITURE", FundScope.ALL_FUNDS, x -> true, TOTAL_ROW,
                        t -> TableRules.column(t, role)));
                out.add(new Locator("GPB_EXPENDITURE", FundScope.GENERAL_PUBLIC_BUDGET, x -> true,
                        TOTAL_ROW, t -> TableRules.column(t, role)));
                if (role.equals("BASIC")) {
                    out.add(new Locator("GPB_BASIC_EXPENDITURE", FundScope.GENERAL_PUBLIC_BUDGET, x -> true,
                            TOTAL_ROW, t -> TableRules.column(t, "TOTAL")));
                }
            }
            case "expenditure.basic.personnel", "expenditure.basic.public" -> out.add(new Locator(
                    "GPB_BASIC_EXPENDITURE", FundScope.GENERAL_PUBLIC_BUDGET, x -> true, TOTAL_ROW,
                    t -> TableRules.column(t, key.endsWith("personnel") ? "PERSONNEL" : "PUBLIC")));
            case "expenditure.total" -> {
                if (fundLabel) {
                    if (f.label().contains("政府性基金")) {
                        out.add(new Locator("GOVERNMENT_FUND", FundScope.FISCAL_APPROPRIATION, x -> true,
                                TOTAL_ROW, t -> TableRules.column(t, "TOTAL")));
                    }
                    return out;
                }
                out.add(new Locator("EXPENDITURE", FundScope.ALL_FUNDS, x -> true, TOTAL_ROW,
                        t -> TableRules.column(t, "TOTAL")));
                out.add(new Locator("GPB_EXPENDITURE", FundScope.GENERAL_PUBLIC_BUDGET, x -> true,
                        TOTAL_ROW, t -> TableRules.column(t, "TOTAL")));
                out.add(new Locator("INCOME_EXPENDITURE_TOTAL", FundScope.ALL_FUNDS, x -> true,
                        sideTotal(1), t -> sideValue(t, 1)));
                out.add(new Locator("FISCAL_INCOME_EXPENDITURE_TOTAL", FundScope.GENERAL_PUBLIC_BUDGET, x -> true,
                        sideTotal(1), t -> TableRules.column(t, "GENERAL_PUBLIC_BUDGET")));
            }
            case "income.total" -> {
                if (fundLabel) {
                    return out;
                }
                out.add(new Locator("INCOME", FundScope.ALL_FUNDS, x -> true, TOTAL_ROW,
                        t -> TableRules.column(t, "TOTAL")));
                out.add(new Locator("INCOME_EXPENDITURE_TOTAL", FundScope.ALL_FUNDS, x -> true, sideTotal(0),
                        t -> sideValue(t, 0)));
                out.add(new Locator("FISCAL_INCOME_EXPENDITURE_TOTAL", FundScope.FISCAL_APPROPRIATION, x -> true,
                        sideTotal(0), t -> sideValue(t, 0)));
            }
            case "income.general_public_budget" -> {
                out.add(new Locator("INCOME_EXPENDITURE_TOTAL", FundScope.GENERAL_PUBLIC_BUDGET, x -> true,
                        sideItem(0, "一般公共预算"), t -> sideValue(t, 0)));
                out.add(new Locator("FISCAL_INCOME_EXPENDITURE_TOTAL", FundScope.GENERAL_PUBLIC_BUDGET, x -> true,
                        sideItem(0, "一般公共预算"), t -> sideValue(t, 0)));
                out.add(new Locator("INCOME", FundScope.GENERAL_PUBLIC_BUDGET, x -> true, TOTAL_ROW,
                        t -> TableRules.column(t, "GENERAL_PUBLIC_BUDGET")));
            }
            case "procurement.total" -> out.add(new Locator("PROCUREMENT", f.scope() == FundScope.GENERAL_PUBLIC_BUDGET
                    ? FundScope.GENERAL_PUBLIC_BUDGET : FundScope.ALL_FUNDS, x -> true, TOTAL_ROW,
                    t -> TableRules.column(t, f.scope() == FundScope.GENERAL_PUBLIC_BUDGET ? "GENERAL_PUBLIC_BUDGET"
                            : "TOTAL")));
            case "operating_expenses" -> out.add(new Locator("OPERATING_COSTS", FundScope.GENERAL_PUBLIC_BUDGET,
                    x -> true, TOTAL_ROW, t -> TableRules.column(t, "TOTAL")));
            default -> {
                if (THREE_PUBLIC.containsKey(key)) {
                    out.add(new Locator("THREE_PUBLIC", FundScope.GENERAL_PUBLIC_BUDGET, x -> true,
                            (t, r) -> threePublicRow(r), t -> threePublicTotalIsThreePublic(t, key)
                            ? TableRules.column(t, THREE_PUBLIC.get(key)) : null));
                } else if (SOURCE_WORDS.containsKey(key)) {
                    out.add(new Locator("INCOME_EXPENDITURE_TOTAL", FundScope.ALL_FUNDS, x -> true,
                            sideItem(0, SOURCE_WORDS.get(key)), t -> sideValue(t, 0)));
                }
            }
        }
        return out;
    }

    /** The first row of a “三公” table that holds figures (the budget or final-account row). */
    private static boolean threePublicRow(TableRow row) {
        return row.cells().stream().anyMatch(TableRules::isNumber);
    }

    /** A “三公” table whose 合计 also counts 会议费 and 培训费 (Jiangsu 09) does not state the “三公” total. */
    static boolean threePublicTotalIsThreePublic(DisclosureTable t, String key) {
        return !key.equals("three_public.total") || t.columns().stream()
                .noneMatch(c -> c.header() != null && (c.header().contains("会议费") || c.header().contains("培训费")));
    }

    private static final BiPredicate<DisclosureTable, TableRow> TOTAL_ROW = (t, r) -> TableRules.isTotalRow(r);

    /** Patterns compiled once (String.matches compiled them for every row read). */
    private static final java.util.regex.Pattern SIDE_TOTAL = java.util.regex.Pattern.compile("(收入|支出)?(合计|总计)");
    private static final java.util.regex.Pattern SECTION_LABEL = java.util.regex.Pattern.compile("^[一二三四五六七八九十]+、.*");

    private static BiPredicate<DisclosureTable, TableRow> sideTotal(int side) {
        return (t, r) -> SIDE_TOTAL.matcher(side(t, r, side)).matches();
    }

    private static BiPredicate<DisclosureTable, TableRow> sideItem(int side, String words) {
        return (t, r) -> {
            String label = side(t, r, side);
            return label.contains(words) && !SECTION_LABEL.matcher(label).matches() && !label.contains("结转");
        };
    }

    /** The label of a row on one side (0 income, 1 expenditure) of a two-sided table. */
    private static String side(DisclosureTable table, TableRow row, int side) {
        List<List<TableColumn>> groups = TableColumns.groupsOf(table);
        if (groups.size() <= side) {
            return "";
        }
        int index = groups.get(side).get(0).index();
        return row.cells().size() > index ? row.cells().get(index).replace(" ", "") : "";
    }

    /** The first amount column of a side of a two-sided table. */
    private static TableColumn sideValue(DisclosureTable t, int side) {
        List<List<TableColumn>> groups = TableColumns.groupsOf(t);
        if (groups.size() <= side) {
            return null;
        }
        return groups.get(side).stream().skip(1).filter(c -> !"NAME".equals(c.role())).findFirst().orElse(null);
    }
}
