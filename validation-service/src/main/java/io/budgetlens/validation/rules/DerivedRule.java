package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;

/**
 * DER-001 derived figures of the “三公” physical quantities: 人均接待费 = 公务接待费 / 接待人次 (the per-guest figure in
 * 元 from the reception expense in 万元 and the guests printed with the physical quantities, “接待…N批次M人”),
 * 车均维护费 = 公务用车运行维护费 / 保有量, 车均购置费 = 公务用车购置费 / 购置数 (zero when none was bought). The
 * execution rates of performance tables are PERF-002's.
 */
public final class DerivedRule extends AbstractRule {

    static final Pattern GUESTS = Pattern.compile("接待[^。;]{0,20}?(\\d+)\\s*批次?[^。;\\d]{0,6}(\\d+)\\s*人");
    static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

    /** "公务车保有量为1辆", "共有车辆1辆": vehicles kept; "公务用车购置0辆": vehicles bought. */
    static final Pattern VEHICLES_KEPT = Pattern.compile("(保有量为?|共有车辆)\\s*(\\d+)\\s*辆");
    static final Pattern VEHICLES_BOUGHT = Pattern.compile("公务用?车购置\\s*(\\d+)\\s*辆");

    /**
     * 车均维护费 = 公务用车运行维护费 / 保有量; 车均购置费 = 公务用车购置费 / 购置数 (zero when none was bought).
     */
    private void perVehicle(DisclosureParsed d, List<Fact> facts, Checks checks) {
        perVehicle(d, facts, checks, "three_public.vehicle_operation.per_vehicle", "three_public.vehicle_operation",
                VEHICLES_KEPT, "保共", 2, "保有量");
        perVehicle(d, facts, checks, "three_public.vehicle_purchase.per_vehicle", "three_public.vehicle_purchase",
                VEHICLES_BOUGHT, "公", 1, "购置数");
    }

    private void perVehicle(DisclosureParsed d, List<Fact> facts, Checks checks, String perKey, String totalKey,
                                   Pattern countPattern, String countStarts, int group, String countName) {
        Fact per = facts.stream().filter(f -> perKey.equals(f.key()) && f.value() != null).findFirst().orElse(null);
        Fact total = facts.stream().filter(f -> totalKey.equals(f.key()) && f.value() != null
                && "CURRENT".equals(f.basis())).findFirst().orElse(null);
        // the count's regex is tried only at the characters its matches begin with
        Scan scan = d.text() == null ? null : new Scan(countPattern, d.text(), countStarts);
        if (per == null || total == null || scan == null || !scan.find() || !"万元".equals(per.unit())) {
            return;
        }
        Matcher count = scan.matcher();
        BigDecimal vehicles = new BigDecimal(count.group(group));
        Quantity amount = Quantity.printed(total.value(), total.decimals(), total.label(), total.evidence());
        Quantity computed = vehicles.signum() == 0 ? Quantity.exact(BigDecimal.ZERO, "0")
                : amount.dividedBy(vehicles).withLabel(total.label() + "/" + countName);
        Quantity stated = Quantity.printed(per.value(), per.decimals(), per.label(), per.evidence());
        Comparison cmp = Comparison.of(computed, stated, descriptor().severity());
        String computedText = computed.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        checks.add(cmp, () -> new io.budgetlens.events.Finding(descriptor().id(), cmp.severity(), descriptor().category(),
                "“" + per.label() + "”" + Findings.plain(per.value()) + "万元与" + total.label()
                        + Findings.plain(total.value()) + "万元、" + countName + vehicles + "辆计算的" + computedText + "万元不符。",
                "“" + per.label() + "” " + Findings.plain(per.value()) + " does not follow from " + total.label() + " "
                        + Findings.plain(total.value()) + " for " + vehicles + " vehicles, which gives " + computedText + ".",
                cmp.expectedInterval(), per.value(), cmp.excess(), "万元",
                List.of(per.evidence(), total.evidence(), Evidence.ofText(count.group(), count.start(), count.end()))));
    }

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        List<Fact> facts = d.facts() == null ? List.of() : d.facts();
        perVehicle(d, facts, checks);
        Fact perGuest = facts.stream().filter(f -> "three_public.reception.per_capita".equals(f.key()) && f.value() != null)
                .findFirst().orElse(null);
        Fact reception = facts.stream().filter(f -> "three_public.reception".equals(f.key()) && f.value() != null
                && "CURRENT".equals(f.basis())).findFirst().orElse(null);
        if (perGuest == null || reception == null || d.text() == null) {
            return;
        }
        Matcher m = GUESTS.matcher(d.text());
        if (!m.find()) {
            return;
        }
        BigDecimal guests = new BigDecimal(m.group(2));
        if (guests.signum() == 0) {
            return;
        }
        Quantity expense = Quantity.printed(reception.value(), reception.decimals(), reception.label(),
                reception.evidence());
        Quantity yuan = new Quantity(expense.value().multiply(TEN_THOUSAND), expense.low().multiply(TEN_THOUSAND),
                expense.high().multiply(TEN_THOUSAND), expense.decimals(), expense.label(), expense.evidence());
        Quantity computed = new Quantity(yuan.value().divide(guests, Quantity.DIVISION),
                yuan.low().divide(guests, Quantity.DIVISION), yuan.high().divide(guests, Quantity.DIVISION), 2,
                "公务接待费/接待人数", null);
        Quantity stated = Quantity.printed(perGuest.value(), perGuest.decimals(), perGuest.label(), perGuest.evidence());
        Comparison cmp = Comparison.of(computed, stated, descriptor().severity());
        Evidence guestsEvidence = Evidence.ofText(m.group(), m.start(), m.end());
        String computedText = computed.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        checks.add(cmp, () -> new io.budgetlens.events.Finding(descriptor().id(), cmp.severity(), descriptor().category(),
                "人均接待费" + Findings.plain(perGuest.value()) + "元与公务接待费" + Findings.plain(reception.value())
                        + "万元、接待" + guests + "人计算的" + computedText + "元不符。",
                "The stated reception cost per guest (" + Findings.plain(perGuest.value()) + " yuan) does not follow from "
                        + Findings.plain(reception.value()) + " (10,000 yuan) for " + guests + " guests, which gives "
                        + computedText + " yuan.",
                cmp.expectedInterval(), perGuest.value(), cmp.excess(), "元",
                List.of(perGuest.evidence(), reception.evidence(), guestsEvidence)));
    }
}
