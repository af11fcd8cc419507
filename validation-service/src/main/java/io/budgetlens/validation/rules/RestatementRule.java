package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Severity;

/**
 * NAR-004 a quantity stated twice is stated the same: “一般公共预算拨款371.06万元” in the income paragraph and
 * “一般公共财政拨款收入371.06万元” later, a change repeated in two sections, and a balanced budget's income and
 * expenditure (收入总计 = 支出总计, and so their changes). Statements are the same quantity when they have the same key,
 * the same kind of total (总计, 合计 or neither), the same fund (a government-fund figure is not a general one) and the
 * same money (equal fund scopes, or scopes the document shows to be the same, see {@link Narrative}).
 */
public final class RestatementRule extends AbstractRule {

    private static final java.util.regex.Pattern BLANK = java.util.regex.Pattern.compile("\\s");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        Narrative n = Narrative.of(d);
        Map<Fact, Fact> parents = parents(n);
        Map<String, List<Fact>> values = new LinkedHashMap<>();
        Map<String, List<Fact>> changes = new LinkedHashMap<>();
        for (Fact f : n.facts()) {
            String identity = identity(n, f, parents);
            if (identity == null) {
                continue;
            }
            if (f.value() != null && "CURRENT".equals(f.basis())) {
                values.computeIfAbsent(identity, k -> new ArrayList<>()).add(f);
            }
            if (Narrative.hasChange(f) && f.change().base() != null && Narrative.change(f) != null
                    && (f.change().amount() != null || f.change().sign() == 0)) {
                changes.computeIfAbsent(identity + "|Δ" + f.change().base(), k -> new ArrayList<>()).add(f);
            }
        }
        values.values().forEach(group -> compare(checks, group, false));
        changes.values().forEach(group -> compare(checks, group, true));
        balance(checks, n, values, false);
        balance(checks, n, changes, true);
    }

    /**
     * What a fact is about, or null when it is not comparable across sentences: the key (an income source of the
     * general budget is that budget's income), the fund named in its own label or its whole's, the kind of total and
     * the money it counts.
     */
    static String identity(Narrative n, Fact f, Map<Fact, Fact> parents) {
        if (Narrative.GENERIC.contains(f.key()) || f.evidence() == null) {
            return null;
        }
        Fact parent = parents.get(f);
        if (parent != null && parent.key().equals("carry_forward.opening")) {
            return null;
        }
        String key = f.key();
        String total = Narrative.totalWord(f.label());
        if (key.equals("income.general_public_budget")) {
            key = "income.total";
        }
        if (!key.equals("income.total") && !key.equals("expenditure.total")) {
            total = "";
        }
        String fund = Narrative.fund(f.label());
        if (fund.isEmpty() && parent != null) {
            fund = parent.key().equals("income.government_fund") ? "政府性基金" : Narrative.fund(parent.label());
        }
        String partial = Composition.partial(f) ? "部分:" + BLANK.matcher(f.label()).replaceAll("") : "";
        return key + "|" + total + "|" + fund + "|" + partial + "|" + f.unit() + "|" + n.scopeClass(f.scope());
    }

    /** The whole each listed part belongs to (NAR-001's lists). */
    static Map<Fact, Fact> parents(Narrative n) {
        return n.parents();
    }

    /**
     * Statements of one quantity: the figure most of them give (the first one's, on a tie) is the reference; each
     * statement outside it is a finding with both sentences as evidence.
     */
    private static void compare(Checks checks, List<Fact> group, boolean change) {
        List<Fact> distinct = new ArrayList<>();
        for (Fact f : group) {
            if (distinct.stream().noneMatch(g -> g.evidence().start().equals(f.evidence().start())
                    && quantity(g, change).value().compareTo(quantity(f, change).value()) == 0)) {
                distinct.add(f);
            }
        }
        if (distinct.size() < 2) {
            return;
        }
        Fact reference = distinct.get(0);
        long best = 0;
        for (Fact candidate : distinct) {
            long agreeing = distinct.stream().filter(g -> quantity(g, change).overlaps(quantity(candidate, change)))
                    .count();
            if (agreeing > best) {
                best = agreeing;
                reference = candidate;
            }
        }
        for (Fact f : distinct) {
            if (f == reference) {
                continue;
            }
            Quantity expected = quantity(reference, change);
            Quantity actual = quantity(f, change);
            Severity severity = reference.key().equals(f.key()) && reference.scope() == f.scope() ? Severity.ERROR
                    : Severity.WARNING;
            Fact said = reference;
            Comparison cmp = Comparison.of(expected, actual, severity);
            String what = change ? "变动额" : "金额";
            checks.add(cmp,
                    () -> "“" + f.label() + "”的" + what + "为" + Findings.plain(actual.value()) + "万元,而“" + said.label()
                            + "”处为" + Findings.plain(expected.value()) + "万元,同一数字前后不一致。",
                    () -> "“" + f.label() + "” is stated as " + Findings.plain(actual.value()) + (change ? " (change)" : "")
                            + " here and as " + Findings.plain(expected.value()) + " at “" + said.label()
                            + "”: the same quantity stated twice differs.",
                    List.of(actual, expected));
        }
    }

    private static Quantity quantity(Fact f, boolean change) {
        return change ? Narrative.change(f) : Narrative.value(f);
    }

    /**
     * 收入总额 = 支出总额: a budget balances (income and expenditure stated alike, and so their changes); a final
     * account's 总计 balance. Compared only when the document states no carry-over into the year other than zero.
     */
    private static void balance(Checks checks, Narrative n, Map<String, List<Fact>> groups, boolean change) {
        boolean budget = n.document().meta() != null && n.document().meta().kind() == DisclosureKind.BUDGET;
        boolean carryOver = n.facts().stream().anyMatch(f -> f.key().startsWith("carry_forward.")
                && f.value() != null && f.value().signum() != 0);
        for (Map.Entry<String, List<Fact>> e : groups.entrySet()) {
            if (!e.getKey().startsWith("income.total|")) {
                continue;
            }
            String[] parts = e.getKey().split("\\|", -1);
            String total = parts[1];
            if (!parts[2].isEmpty() || !parts[3].isEmpty() || (!budget && !total.equals("总计"))
                    || (budget && carryOver && !total.equals("总计"))) {
                continue;
            }
            List<Fact> expenditure = groups.get("expenditure.total" + e.getKey().substring("income.total".length()));
            if (expenditure == null) {
                continue;
            }
            Fact income = e.getValue().get(0);
            Fact spent = expenditure.get(0);
            Quantity in = quantity(income, change);
            Quantity out = quantity(spent, change);
            Comparison cmp = Comparison.of(in, out, Severity.WARNING);
            String what = change ? "变动额" : "";
            checks.add(cmp,
                    () -> "收入“" + income.label() + "”" + what + Findings.plain(in.value()) + "万元与支出“" + spent.label() + "”"
                            + what + Findings.plain(out.value()) + "万元不相等,而收支总额应当平衡。",
                    () -> "Income “" + income.label() + "” " + (change ? "changed by " : "is ") + Findings.plain(in.value())
                            + " but expenditure “" + spent.label() + "” " + (change ? "changed by " : "is ")
                            + Findings.plain(out.value()) + ": the totals of a balanced account must agree.",
                    List.of(out, in));
        }
    }
}
