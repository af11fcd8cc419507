package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.Objects;
import java.util.Set;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;

/**
 * NAR-002 the changes of the parts add up to the change of their whole, on the same comparison base: “一般公共财政拨款
 * 支出…比2023年减少9.82万元。其中：基本支出…减少9.85万元…项目支出…增加0.03万元” (−9.85 + 0.03 = −9.82), the “三公”
 * parts, the functional classes against the initial budget. A part stated as unchanged (与上年持平) counts 0; a part
 * whose current amount is a stated zero cannot have grown, so without its change the parts give an upper bound.
 */
public final class ChangeCompositionRule extends AbstractRule {

    private static final List<String> THREE_PUBLIC_PARTS = List.of("three_public.overseas", "three_public.reception");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        Narrative n = Narrative.of(d);
        Set<String> done = new java.util.HashSet<>();
        for (Fact w : n.facts()) {
            if (!Narrative.hasChange(w) || w.change().base() == null || !"万元".equals(w.unit())
                    || Composition.partial(w) || Narrative.change(w) == null || !Narrative.fund(w.label()).isEmpty()) {
                continue;
            }
            for (Composition c : Composition.ALL) {
                if (c.forChanges() && c.whole().test(w) && !c.part().test(w)
                        && (c != Composition.FUNCTIONS || completeFunctionList(n, w))
                        && (c != Composition.BASIC_PROJECT || !Composition.otherUses(n.document()))) {
                    check(checks, n, w, c.en(), partKeys(n, w, c), c == Composition.INCOME_SOURCES, done);
                }
            }
            if (w.key().equals("three_public.total")) {
                threePublic(checks, n, w, done);
            }
        }
    }

    /**
     * The functional classes the narrative states for the whole's money are all of them: their amounts add up to a
     * stated total of that money, or their shares to 100 %.
     */
    private static boolean completeFunctionList(Narrative n, Fact w) {
        List<Fact> functions = n.facts().stream().filter(f -> f.key().startsWith("expenditure.function.")
                && Narrative.isCurrentAmount(f) && n.sameMoney(f.scope(), w.scope())).toList();
        Set<String> keys = new java.util.HashSet<>();
        List<Quantity> values = new ArrayList<>();
        BigDecimal shares = BigDecimal.ZERO;
        boolean allShares = true;
        for (Fact f : functions) {
            if (keys.add(f.key())) {
                values.add(Narrative.value(f));
                allShares &= f.share() != null;
                shares = f.share() == null ? shares : shares.add(f.share());
            }
        }
        if (values.size() < 2) {
            return false;
        }
        if (allShares && shares.subtract(BigDecimal.valueOf(100)).abs().compareTo(BigDecimal.ONE) <= 0) {
            return true;
        }
        Quantity sum = Quantity.sum(values);
        return n.byKey("expenditure.total").stream().anyMatch(f -> Narrative.isCurrentAmount(f)
                && n.sameMoney(f.scope(), w.scope()) && Narrative.value(f).overlaps(sum));
    }

    private static List<String> partKeys(Narrative n, Fact w, Composition c) {
        if (!c.closedSet().isEmpty()) {
            return new ArrayList<>(c.closedSet());
        }
        if (c == Composition.INCOME_SOURCES) {
            return new ArrayList<>(Composition.SOURCES);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Fact f : n.facts()) {
            if (c.part().test(f) && !Composition.partial(f) && n.sameMoney(f.scope(), w.scope())
                    && (Narrative.isCurrentAmount(f) || Narrative.hasChange(f))) {
                keys.add(f.key());
            }
        }
        return new ArrayList<>(keys);
    }

    private void threePublic(Checks checks, Narrative n, Fact w, Set<String> done) {
        List<String> keys = new ArrayList<>(THREE_PUBLIC_PARTS);
        Fact vehicle = changeOf(n, w, "three_public.vehicle");
        if (vehicle != null) {
            keys.add("three_public.vehicle");
        } else {
            keys.add("three_public.vehicle_purchase");
            keys.add("three_public.vehicle_operation");
        }
        check(checks, n, w, "“three public” parts", keys, false, done);
    }

    /**
     * @param openList parts that are not mentioned at all count as zero-valued (a template list of income sources
     *                 names the ones the department has)
     */
    private void check(Checks checks, Narrative n, Fact w, String what, List<String> keys, boolean openList,
                              Set<String> done) {
        if (keys.size() < 2) {
            return;
        }
        List<Fact> stated = new ArrayList<>();
        boolean complete = true;
        for (String key : keys) {
            Fact part = changeOf(n, w, key);
            if (part == AMBIGUOUS) {
                return;
            }
            if (part != null) {
                if (Narrative.change(part) == null) {
                    return;
                }
                stated.add(part);
                continue;
            }
            boolean zeroValued = n.byKey(key).stream().anyMatch(f -> Narrative.isCurrentAmount(f)
                    && f.value().signum() == 0 && n.sameMoney(f.scope(), w.scope()));
            boolean mentioned = !n.byKey(key).isEmpty();
            if (!zeroValued && (mentioned || !openList)) {
                return;
            }
            complete = false;
        }
        if (stated.isEmpty() || (openList && keys.stream().filter(k -> !n.byKey(k).isEmpty()).count() < 3)) {
            return;
        }
        String signature = w.id() + "|" + what;
        if (!done.add(signature)) {
            return;
        }
        // the parts in the order the text states them (the key lists may come from sets, whose order changes between
        // JVM runs: the finding's words must not)
        List<Fact> facts = n.facts();
        stated.sort(Comparator.comparingInt(facts::indexOf));
        Quantity whole = Narrative.change(w);
        Quantity sum = Quantity.sum(stated.stream().map(Narrative::change).toList());
        List<Quantity> operands = new ArrayList<>();
        operands.add(whole);
        stated.forEach(f -> operands.add(Narrative.change(f)));
        Comparison cmp = complete ? Comparison.of(sum, whole, descriptor().severity())
                : Comparison.atMost(whole, sum, true, descriptor().severity());
        boolean listedAll = complete;
        Supplier<String> parts = () -> String.join("、", stated.stream().map(f -> f.label() + signed(f)).toList());
        checks.add(cmp, () -> "“" + w.label() + "”" + w.change().directionWord() + plain(w) + "万元,所述分项变动(" + parts.get() + ")合计"
                        + Findings.plain(sum.value()) + "万元" + (listedAll ? ",两者不符。" : ",总额的减少不可能小于此数。"),
                () -> "“" + w.label() + "” changed by " + Findings.plain(whole.value()) + " but the stated changes of its "
                        + what + " (" + parts.get() + ") add up to " + Findings.plain(sum.value())
                        + (listedAll ? "." : "; the parts not stated are zero now, so the whole cannot have changed by more."),
                operands);
    }

    private static String plain(Fact f) {
        return f.change().amount() == null ? "0" : Findings.plain(f.change().amount());
    }

    private static String signed(Fact f) {
        Quantity q = Narrative.change(f);
        String v = Findings.plain(q.value());
        return q.value().signum() > 0 ? "+" + v : v;
    }

    private static final Fact AMBIGUOUS = new Fact("?", "?", "?", null, null, 0, null, null, null, null, null, null);

    /**
     * The statement of a part's change on the whole's base, for the same money: in the whole's paragraph first, else
     * anywhere when every statement agrees. AMBIGUOUS when statements disagree.
     */
    private static Fact changeOf(Narrative n, Fact w, String key) {
        List<Fact> all = n.byKey(key).stream().filter(f -> Narrative.hasChange(f)
                && Objects.equals(f.change().base(), w.change().base()) && n.sameMoney(f.scope(), w.scope())
                && !Composition.partial(f) && Narrative.fund(f.label()).isEmpty()).toList();
        if (all.isEmpty()) {
            return null;
        }
        List<Fact> near = n.sameParagraph(w).stream().filter(all::contains)
                .filter(f -> n.facts().indexOf(f) > n.facts().indexOf(w)).toList();
        List<Fact> pool = near.isEmpty() ? all : near;
        long distinct = pool.stream().map(Narrative::change).map(q -> q == null ? "?" : q.value().stripTrailingZeros()
                .toPlainString()).distinct().count();
        return distinct > 1 ? AMBIGUOUS : pool.get(0);
    }
}
