package io.budgetlens.reporting.crossdoc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.Change;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.Severity;
import io.budgetlens.events.SummaryEntry;

/**
 * The cross-document checks: a figure one disclosure states about another year or another document against what
 * that other document, stored here, prints. Framework-free; {@link CrossDocumentService} finds the documents.
 * <ul>
 * <li>XDOC-001: a budget's change on the prior year ("比2023年增加853.68万元") against the stored prior-year budget.</li>
 * <li>XDOC-002: a final account's change on the initial budget ("较年初预算数减少426.93万元") against the stored
 * budget of the same year.</li>
 * <li>XDOC-003: a final account's change on the prior year ("较上年决算数增加7.47万元") against the stored prior-year
 * final account.</li>
 * </ul>
 * Printed figures are intervals (±half a unit of the last digit printed, a stated zero exact); the implied
 * figure is value − sign × amount; a check is broken when the implied interval and the other document's interval
 * do not meet. A miss of at most one unit of the last digit printed is INFO, a larger one WARNING (the other
 * document may have been restated, so never ERROR).
 */
public final class CrossDocumentRules {

    public static final String RULESET_VERSION = "cross-document-0.1.0";

    /** What a rule compares: the subject's kind, the change base it reads, the counterpart's kind and year offset. */
    public record Rule(String id, DisclosureKind subjectKind, String base, DisclosureKind counterpartKind, int yearOffset,
                       String titleZh, String titleEn) {

        public static final Rule XDOC_001 = new Rule("XDOC-001", DisclosureKind.BUDGET, "PRIOR_YEAR",
                DisclosureKind.BUDGET, -1,
                "预算较上年增减与上年预算", "budget change on the prior year vs the stored prior-year budget");
        public static final Rule XDOC_002 = new Rule("XDOC-002", DisclosureKind.FINAL_ACCOUNT, "INITIAL_BUDGET",
                DisclosureKind.BUDGET, 0,
                "决算较年初预算增减与当年预算", "final account vs the stored budget of the same year");
        public static final Rule XDOC_003 = new Rule("XDOC-003", DisclosureKind.FINAL_ACCOUNT, "PRIOR_YEAR",
                DisclosureKind.FINAL_ACCOUNT, -1,
                "决算较上年增减与上年决算", "final account change on the prior year vs the stored prior-year final account");

        /** Every rule, in the order of their ids. */
        public static final List<Rule> ALL = List.of(XDOC_001, XDOC_002, XDOC_003);

        public static List<Rule> forSubject(DisclosureKind kind) {
            return ALL.stream().filter(r -> r.subjectKind == kind).toList();
        }
    }

    /** The other document as stored: its id, title, fiscal year and summary. */
    public record Counterpart(String documentId, String title, int fiscalYear, Map<String, SummaryEntry> summary) {
    }

    /** Figures a change statement may be compared on: the summary keys every disclosure states the same way. */
    static boolean comparable(String key) {
        return key.equals("expenditure.total") || key.equals("income.total") || key.startsWith("expenditure.basic")
                || key.equals("expenditure.project") || key.startsWith("expenditure.function.")
                || key.startsWith("three_public.") && !key.contains(".per_") || key.equals("operating_expenses");
    }

    private CrossDocumentRules() {
    }

    public static List<Finding> check(Rule rule, List<Fact> facts, Counterpart counterpart) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Fact fact : facts == null ? List.<Fact>of() : facts) {
            Change change = fact.change();
            if (fact.value() == null || change == null || change.amount() == null || !rule.base().equals(change.base())
                    || !comparable(fact.key()) || !"CURRENT".equals(fact.basis())) {
                continue;
            }
            if (change.directionWord() != null && change.directionWord().contains("或")) {
                continue; // "增加(或减少)": the direction is not stated
            }
            SummaryEntry other = counterpart.summary() == null ? null : counterpart.summary().get(fact.key());
            if (other == null || other.value() == null) {
                continue;
            }
            if (fact.scope() != null && other.scope() != null && fact.scope() != other.scope()) {
                continue; // different fund scopes (财政拨款 vs 全部资金) are different figures
            }
            if (!seen.add(fact.key() + "|" + fact.value().toPlainString() + "|" + change.amount().toPlainString()
                    + "|" + change.sign())) {
                continue;
            }
            Finding finding = compare(rule, fact, change, other, counterpart);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    private static Finding compare(Rule rule, Fact fact, Change change, SummaryEntry other, Counterpart counterpart) {
        BigDecimal value = fact.value();
        BigDecimal amount = change.amount();
        BigDecimal hv = half(value, fact.decimals());
        BigDecimal ha = half(amount, change.amountDecimals() == null ? amount.scale() : change.amountDecimals());
        int sign = Integer.signum(change.sign());
        BigDecimal implied = value.subtract(amount.multiply(BigDecimal.valueOf(sign)));
        BigDecimal low;
        BigDecimal high;
        if (sign == 0) {
            low = value.subtract(hv);
            high = value.add(hv);
        } else {
            low = implied.subtract(hv).subtract(ha);
            high = implied.add(hv).add(ha);
        }
        BigDecimal printed = other.value();
        BigDecimal hp = half(printed, Math.max(printed.scale(), 0));
        BigDecimal pLow = printed.subtract(hp);
        BigDecimal pHigh = printed.add(hp);
        BigDecimal excess = pLow.subtract(high).max(low.subtract(pHigh)).max(BigDecimal.ZERO);
        if (excess.signum() == 0) {
            return null;
        }
        int digits = Math.max(Math.max(fact.decimals(), printed.scale()),
                change.amountDecimals() == null ? 0 : change.amountDecimals());
        BigDecimal oneUnit = BigDecimal.ONE.movePointLeft(Math.max(digits, 0));
        Severity severity = excess.compareTo(oneUnit) <= 0 ? Severity.INFO : Severity.WARNING;

        String label = fact.label() == null ? fact.key() : fact.label();
        String word = change.directionWord() == null ? (sign < 0 ? "减少" : "增加") : change.directionWord();
        String otherZh = counterpart.fiscalYear() + "年" + (rule.counterpartKind() == DisclosureKind.BUDGET ? "预算" : "决算");
        String otherEn = counterpart.fiscalYear() + (rule.counterpartKind() == DisclosureKind.BUDGET ? " budget"
                : " final account");
        String baseZh = rule.base().equals("INITIAL_BUDGET") ? "年初预算数" : "上年";
        String baseEn = rule.base().equals("INITIAL_BUDGET") ? "the initial budget" : "the prior year";
        String range = plain(low.setScale(scale(low, high), RoundingMode.HALF_UP)) + "～"
                + plain(high.setScale(scale(low, high), RoundingMode.HALF_UP));
        String messageZh = String.format("%s：本文为%s万元，较%s%s%s万元，推得%s应为%s万元；已存的%s（%s）列%s万元，"
                        + "超出舍入范围%s万元。", label, plain(value), baseZh, word, plain(amount), baseZh, range,
                otherZh, shortTitle(counterpart), plain(printed), plain(excess));
        String messageEn = String.format("%s: this document states %s (万元), %s by %s on %s, which puts %s at %s; "
                        + "the stored %s (%s) prints %s, %s beyond what rounding allows.", label, plain(value),
                sign < 0 ? "down" : sign > 0 ? "up" : "unchanged", plain(amount), baseEn, baseEn, range, otherEn,
                shortTitle(counterpart), plain(printed), plain(excess));

        List<Evidence> evidence = new ArrayList<>();
        if (fact.evidence() != null) {
            evidence.add(fact.evidence());
        }
        Evidence theirs = other.evidence();
        evidence.add(theirs == null
                ? new Evidence(null, null, null, null, null, null, counterpart.documentId())
                : new Evidence(theirs.quote(), theirs.start(), theirs.end(), theirs.tableId(), theirs.row(),
                        theirs.column(), counterpart.documentId()));
        return new Finding(rule.id(), severity, Category.CROSS_DOCUMENT, messageZh, messageEn,
                new Interval(implied, low, high), printed, excess, "万元", evidence);
    }

    private static String shortTitle(Counterpart c) {
        return c.title() != null && !c.title().isBlank() ? c.title() : c.documentId().substring(0, 12);
    }

    private static int scale(BigDecimal a, BigDecimal b) {
        return Math.max(0, Math.max(a.stripTrailingZeros().scale(), b.stripTrailingZeros().scale()));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 0 ? v.setScale(0).toPlainString() : v.stripTrailingZeros().toPlainString();
    }

    /** Half a unit of the last printed digit; a stated zero is exact. */
    private static BigDecimal half(BigDecimal printed, int decimals) {
        if (printed.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal("0.5").movePointLeft(Math.max(decimals, 0));
    }
}
