package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.List;

import io.budgetlens.events.Change;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Fact;

/**
 * CHG-001 a stated change percentage follows from its figures: prior = current ∓ change, stated % = change / prior.
 * A zero change with 0 % (the boilerplate “减少(或增加)0万元”) holds; so does 增长100% for an item that is all new (a zero
 * base, the departments' convention); any other percentage on a zero base is broken.
 */
public final class ChangeRule extends AbstractRule {

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        for (Fact f : d.facts() == null ? List.<Fact>of() : d.facts()) {
            Change c = f.change();
            if (f.value() == null || c == null || c.amount() == null || c.percent() == null
                    || c.amountDecimals() == null || c.percentDecimals() == null || !"万元".equals(f.unit())) {
                continue;
            }
            Quantity current = Quantity.printed(f.value(), f.decimals(), f.label(), f.evidence());
            Quantity amount = Quantity.printed(c.amount(), c.amountDecimals(), f.label() + "变动额", f.evidence());
            Quantity stated = Quantity.printed(c.percent(), c.percentDecimals(), f.label() + "变动率", f.evidence());
            if (c.amount().signum() == 0) {
                Comparison cmp = Comparison.of(Quantity.exact(BigDecimal.ZERO, "0"), stated, descriptor().severity());
                checks.add(cmp, () -> finding(cmp, f, "0"));
                continue;
            }
            int sign = c.sign() == 0 ? 1 : c.sign();
            Quantity prior = sign > 0 ? current.minus(amount) : current.plus(amount);
            if (prior.low().signum() <= 0) {
                if (sign > 0 && prior.high().signum() >= 0
                        && stated.overlaps(Quantity.exact(BigDecimal.valueOf(100), "100"))) {
                    // Nothing last year, all of it new: departments write 增长100% for an item that did not exist.
                    Comparison cmp = Comparison.of(Quantity.exact(BigDecimal.valueOf(100), "100"), stated,
                            descriptor().severity());
                    checks.add(cmp, () -> finding(cmp, f, "100"));
                    continue;
                }
                Comparison cmp = new Comparison(Quantity.exact(BigDecimal.ZERO, "no base"), stated,
                        io.budgetlens.events.Verdict.BROKEN, descriptor().severity(), stated.value());
                checks.add(cmp, () -> finding(cmp, f, "—"));
                continue;
            }
            Quantity computed = amount.percentOf(prior);
            Comparison cmp = Comparison.of(computed, stated, descriptor().severity());
            checks.add(cmp, () -> finding(cmp, f, Findings.plain(computed.value().setScale(2, java.math.RoundingMode.HALF_UP))));
        }
    }

    private io.budgetlens.events.Finding finding(Comparison cmp, Fact f, String computed) {
        Change c = f.change();
        return new io.budgetlens.events.Finding(descriptor().id(), cmp.severity(), descriptor().category(),
                "“" + f.label() + "”" + c.directionWord() + Findings.plain(c.amount()) + "万元,所述变动率"
                        + Findings.plain(c.percent()) + "%与金额不符,按金额计算应为" + computed + "%。",
                "“" + f.label() + "” changed by " + Findings.plain(c.amount()) + " (" + c.directionWord()
                        + "): the stated " + Findings.plain(c.percent()) + "% does not follow from the amounts, which give "
                        + computed + "%.",
                cmp.expectedInterval(), c.percent(), cmp.excess(), "%", List.of(f.evidence()));
    }
}
