package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;

/**
 * SHR-001 a stated share (占比 / 占…的) is the figure over its total: expenditure items over total expenditure (or, when
 * the document states no total at that fund scope, over the sum of the items it lists), procurement parts over the
 * procurement total (the SME share), income parts over total income — the funds brought forward (上年结转) are a part of
 * the income side and the funds carried forward (结转下年) of the expenditure side, as in the two-sided total table.
 */
public final class ShareRule extends AbstractRule {

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        List<Fact> facts = d.facts() == null ? List.of() : d.facts().stream()
                .filter(f -> f.value() != null && "CURRENT".equals(f.basis()) && "万元".equals(f.unit())).toList();
        for (Fact f : facts) {
            if (f.share() == null || f.shareDecimals() == null) {
                continue;
            }
            Quantity base = base(f, facts, d.text() == null ? "" : d.text());
            if (base == null || base.low().signum() <= 0) {
                continue;
            }
            Quantity part = Quantity.printed(f.value(), f.decimals(), f.label(), f.evidence());
            Quantity stated = Quantity.printed(f.share(), f.shareDecimals(), f.label() + "占比", f.evidence());
            Quantity computed = part.percentOf(base);
            Comparison cmp = Comparison.of(computed, stated, descriptor().severity());
            String computedText = computed.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            checks.add(cmp, () -> new io.budgetlens.events.Finding(descriptor().id(), cmp.severity(), descriptor().category(),
                    "“" + f.label() + "”" + Findings.plain(f.value()) + "万元,所述占比" + Findings.plain(f.share())
                            + "%与" + base.label() + Findings.plain(base.value()) + "万元计算的" + computedText + "%不符。",
                    "“" + f.label() + "” " + Findings.plain(f.value()) + ": the stated share " + Findings.plain(f.share())
                            + "% does not follow from " + base.label() + " " + Findings.plain(base.value()) + ", which gives "
                            + computedText + "%.",
                    cmp.expectedInterval(), f.share(), cmp.excess(), "%", evidence(f, base)));
        }
    }

    private static List<io.budgetlens.events.Evidence> evidence(Fact f, Quantity base) {
        List<io.budgetlens.events.Evidence> out = new ArrayList<>();
        out.add(f.evidence());
        if (base.evidence() != null && !base.evidence().equals(f.evidence())) {
            out.add(base.evidence());
        }
        return out;
    }

    /** The total is of the part's scope; a total's share ("财政拨款收入…占100%") is of a total of broader scope. */
    private static boolean broader(Fact total, Fact part, String totalKey) {
        if (part.key().equals(totalKey)) {
            return rank(total.scope()) > rank(part.scope());
        }
        return total.scope() == part.scope() || totalKey.equals("procurement.total") || totalKey.equals("income.total");
    }

    private static int rank(io.budgetlens.events.FundScope s) {
        return s == null ? 0 : switch (s) {
            case ALL_FUNDS -> 3;
            case FISCAL_APPROPRIATION -> 2;
            case GENERAL_PUBLIC_BUDGET -> 1;
        };
    }

    private static boolean sameParagraph(String text, int a, int b) {
        int from = Math.min(a, b);
        int to = Math.max(a, b);
        return text.substring(from, to).indexOf('\n') < 0;
    }

    /** The total a share refers to: the nearest one before it in its paragraph, else the first of its scope. */
    private static Quantity base(Fact f, List<Fact> facts, String text) {
        String key = f.key();
        String totalKey = key.startsWith("procurement.") ? "procurement.total"
                : key.startsWith("income.") || key.equals("carry_forward.opening") ? "income.total"
                : key.startsWith("expenditure.") || key.equals("carry_forward.closing") ? "expenditure.total" : null;
        if (totalKey == null) {
            return null;
        }
        Fact nearest = null;
        for (Fact t : facts) {
            if (t == f) {
                break;
            }
            if (t.key().equals(totalKey) && t.evidence() != null && f.evidence() != null
                    && sameParagraph(text, t.evidence().start(), f.evidence().start()) && broader(t, f, totalKey)) {
                nearest = t;
            }
        }
        if (nearest != null) {
            return Quantity.printed(nearest.value(), nearest.decimals(), nearest.label(), nearest.evidence());
        }
        for (Fact t : facts) {
            if (t != f && t.key().equals(totalKey) && broader(t, f, totalKey)) {
                return Quantity.printed(t.value(), t.decimals(), t.label(), t.evidence());
            }
        }
        if (key.startsWith("expenditure.function.")) {
            Quantity sum = null;
            for (Fact s : facts) {
                if (s.key().startsWith("expenditure.function.") && s.scope() == f.scope() && s.share() != null) {
                    Quantity q = Quantity.printed(s.value(), s.decimals(), s.label(), null);
                    sum = sum == null ? q : sum.plus(q);
                }
            }
            return sum == null ? null : new Quantity(sum.value(), sum.low(), sum.high(), sum.decimals(), "各项支出合计",
                    null);
        }
        return null;
    }
}
