package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.Verdict;

/**
 * CMP-001 comparison words agree with the figures they compare: “决算数大于/小于/等于(年初)预算数” against the
 * budget and final figures printed before it; “完成年初预算的X%” against final / budget; a change stated beside both
 * its figures (“上年…100万元…本年…120万元,增长20万元”) in amount and direction; “增加/减少…的主要原因” against the
 * direction of the change it explains; and no increase of a figure that is now zero.
 */
public final class ComparisonWordRule extends AbstractRule {

    /** The comparison words' directions (compiled once, not by String.matches per match). */
    private static final Pattern MORE = Pattern.compile("大于|高于|超过|超出");
    private static final Pattern LESS = Pattern.compile("小于|低于");
    private static final Pattern SAID_UP = Pattern.compile("增加|增长|上升|提高|大于|高于");
    private static final Pattern VERSUS_BUDGET = Pattern.compile("大于|小于|高于|低于");

    /** "决算数大于预算数", "支出决算小于年初预算", "决算数与预算数持平", "决算数等于预算数". */
    static final Pattern VERSUS = Pattern.compile(
            "(决算数?|支出数|执行数|实际支出)\\s*(大于|小于|等于|高于|低于|超过|超出|持平|与(年初)?预算数?(持平|一致|相等|相同))"
                    + "\\s*((年初)?预算数?)?");
    /** "完成年初预算的96.91%", "预算完成率为96.91%". */
    private static final Pattern COMPLETION = Pattern.compile("(完成(年初)?预算(数)?的|预算完成率为?)\\s*(\\d+(\\.\\d+)?)\\s*%");
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*万\\s?元");
    /** "增加的主要原因", "决算数大于预算数的主要原因": the direction a cause sentence explains. */
    static final Pattern CAUSE_DIRECTION = Pattern.compile("(增加|增长|上升|提高|减少|下降|降低|大于|小于|高于|低于)"
            + "(预算数?)?的?(主要)?原因");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        String text = d.text() == null ? "" : d.text();
        for (int[] line : TextHygiene.narrativeLines(d)) {
            String l = text.substring(line[0], line[1]);
            // every match of VERSUS has one of these characters (大于…低于, 超过/超出, 持平, 一致, 相等, 相同), every
            // match of COMPLETION has 完成 and %: the regexes run only on the lines that do
            if (TextHygiene.containsAny(l, "于超平致等同")) {
                versus(checks, l, line[0]);
            }
            if (l.indexOf('%') >= 0 && l.contains("完成")) {
                completion(checks, l, line[0]);
            }
        }
        Narrative n = Narrative.of(d);
        statedBases(checks, n);
        causeDirections(checks, n);
        zeroCannotHaveGrown(checks, n);
    }

    /** A figure of the paragraph with the words of its clause. */
    private record Figure(Quantity value, String clause, int start) {
    }

    private static List<Figure> figures(String line, int offset, int until) {
        List<Figure> out = new ArrayList<>();
        Matcher m = AMOUNT.matcher(line);
        int previous = 0;
        while (m.find() && m.start() < until) {
            String clause = line.substring(previous, m.start());
            int cut = Math.max(clause.lastIndexOf('。'), Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';')));
            clause = clause.substring(cut + 1);
            previous = m.end();
            BigDecimal v = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2)));
            Evidence e = TextHygiene.sentence(line, offset, m.start());
            out.add(new Figure(Quantity.printed(v, m.group(2) == null ? 0 : m.group(2).length(), clause.strip(), e),
                    clause, m.start()));
        }
        return out;
    }

    private static Figure last(List<Figure> figures, Pattern words, Pattern not) {
        for (int i = figures.size() - 1; i >= 0; i--) {
            Figure f = figures.get(i);
            if (words.matcher(f.clause()).find() && !not.matcher(f.clause()).find()) {
                return f;
            }
        }
        return null;
    }

    private static final Pattern BUDGET_WORDS = Pattern.compile("预算");
    private static final Pattern FINAL_WORDS = Pattern.compile("决算|支出|执行|实际");
    private static final Pattern NOT_BUDGET = Pattern.compile("决算|执行数");
    private static final Pattern NOT_FINAL = Pattern.compile("预算(数|为|$)|年初");

    /** 决算数大于/小于/等于预算数 against the budget and final figures printed before it in the paragraph. */
    private void versus(Checks checks, String line, int offset) {
        // every match begins with 决, 支, 执 or 实: the regex is tried only there
        Scan scan = new Scan(VERSUS, line, "决支执实");
        Matcher m = scan.matcher();
        while (scan.find()) {
            String word = m.group(2);
            if (m.group(5) == null && !word.startsWith("与")) {
                continue;
            }
            List<Figure> figures = figures(line, offset, m.start());
            Figure budget = last(figures, BUDGET_WORDS, NOT_BUDGET);
            Figure actual = last(figures, FINAL_WORDS, NOT_FINAL);
            if (budget == null || actual == null || budget == actual) {
                continue;
            }
            int expected = MORE.matcher(word).matches() ? 1 : LESS.matcher(word).matches() ? -1 : 0;
            Quantity b = budget.value();
            Quantity a = actual.value();
            Verdict verdict;
            BigDecimal excess = BigDecimal.ZERO;
            if (expected == 0) {
                verdict = a.overlaps(b) ? (a.value().compareTo(b.value()) == 0 ? Verdict.HOLDS : Verdict.WITHIN_ROUNDING)
                        : Verdict.BROKEN;
                excess = a.gap(b);
            } else {
                BigDecimal against = expected > 0 ? b.low().subtract(a.high()) : a.low().subtract(b.high());
                boolean clearlyWrong = against.signum() > 0 || (a.isExact() && b.isExact()
                        && a.value().compareTo(b.value()) == 0);
                boolean plainlyRight = expected > 0 ? a.value().compareTo(b.value()) > 0
                        : a.value().compareTo(b.value()) < 0;
                verdict = clearlyWrong ? Verdict.BROKEN : plainlyRight ? Verdict.HOLDS : Verdict.WITHIN_ROUNDING;
                excess = against.max(BigDecimal.ZERO);
            }
            Comparison cmp = new Comparison(b, a, verdict, verdict == Verdict.BROKEN ? descriptor().severity() : null,
                    excess);
            Evidence phrase = Evidence.ofText(m.group(), offset + m.start(), offset + m.end());
            String rel = expected > 0 ? "大于" : expected < 0 ? "小于" : "等于";
            checks.add(cmp, () -> finding(cmp,
                    "文中称“" + m.group() + "”,但决算数" + Findings.plain(a.value()) + "万元" + (expected == 0 ? "不等于" : "并不"
                            + rel) + "预算数" + Findings.plain(b.value()) + "万元。",
                    "The text says “" + m.group() + "” (final " + (expected > 0 ? "above" : expected < 0 ? "below"
                            : "equal to") + " budget) but the final figure " + Findings.plain(a.value())
                            + " and the budget " + Findings.plain(b.value()) + " say otherwise.",
                    List.of(phrase, a.evidence(), b.evidence()), "万元"));
        }
    }

    /** 完成年初预算的X% = 决算 / 预算, with the two figures printed before it. */
    private void completion(Checks checks, String line, int offset) {
        Matcher m = COMPLETION.matcher(line);
        while (m.find()) {
            List<Figure> figures = figures(line, offset, m.start());
            Figure budget = last(figures, BUDGET_WORDS, NOT_BUDGET);
            Figure actual = last(figures, FINAL_WORDS, NOT_FINAL);
            if (budget == null || actual == null || budget == actual || budget.value().low().signum() <= 0) {
                continue;
            }
            Quantity stated = Quantity.parse(m.group(4), "完成率", Evidence.ofText(m.group(), offset + m.start(),
                    offset + m.end()));
            Quantity computed = actual.value().percentOf(budget.value());
            Comparison cmp = Comparison.of(computed, stated, descriptor().severity());
            String c = computed.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            checks.add(cmp, () -> finding(cmp,
                    "文中“" + m.group() + "”与决算数" + Findings.plain(actual.value().value()) + "万元/预算数"
                            + Findings.plain(budget.value().value()) + "万元计算的" + c + "%不符。",
                    "The stated “" + m.group() + "” does not follow from " + Findings.plain(actual.value().value())
                            + " / " + Findings.plain(budget.value().value()) + " = " + c + "%.",
                    List.of(stated.evidence(), actual.value().evidence(), budget.value().evidence()), "%"));
        }
    }

    /** A change printed beside both of its figures: amount = |本期 − 基期| and the direction of the difference. */
    private void statedBases(Checks checks, Narrative n) {
        for (Fact f : n.facts()) {
            if (!Narrative.isCurrentAmount(f) || !Narrative.hasChange(f) || f.change().amount() == null
                    || f.change().base() == null || Narrative.GENERIC.contains(f.key())) {
                continue;
            }
            String basis = f.change().base().equals("INITIAL_BUDGET") ? "INITIAL_BUDGET"
                    : f.change().base().equals("PRIOR_YEAR") ? "PRIOR_YEAR" : null;
            Fact base = basis == null ? null : n.byKey(f.key()).stream().filter(b -> b.value() != null && basis.equals(b.basis()) && "万元".equals(b.unit())
                    && n.sameMoney(b.scope(), f.scope()) && Objects.equals(Narrative.fund(b.label()),
                    Narrative.fund(f.label()))).findFirst().orElse(null);
            if (base == null) {
                continue;
            }
            Quantity difference = Narrative.value(f).minus(Narrative.value(base));
            Quantity stated = Narrative.change(f);
            if (stated == null) {
                continue;
            }
            checks.equal(difference, stated,
                    () -> "“" + f.label() + "”" + Findings.plain(f.value()) + "万元,基期“" + base.label() + "”"
                            + Findings.plain(base.value()) + "万元,两者之差为" + Findings.plain(difference.value())
                            + "万元,而文中称" + f.change().directionWord() + Findings.plain(f.change().amount()) + "万元。",
                    () -> "“" + f.label() + "” " + Findings.plain(f.value()) + " against “" + base.label() + "” "
                            + Findings.plain(base.value()) + " is a change of " + Findings.plain(difference.value())
                            + ", not " + f.change().directionWord() + " " + Findings.plain(f.change().amount()) + ".",
                    List.of(stated, Narrative.value(base)));
        }
    }

    /** "增加的主要原因是…" after a decrease (or "小于预算数的主要原因" after 增加 on the budget): opposite directions. */
    private void causeDirections(Checks checks, Narrative n) {
        String text = n.text();
        // 原因 ends every match, at most 8 characters after its start (增加 预算数 的 主要)
        Scan scan = Scan.before(CAUSE_DIRECTION, text, "原因", 8, "增上提减下降大小高低");
        Matcher m = scan.matcher();
        while (scan.find()) {
            int said = SAID_UP.matcher(m.group(1)).matches() ? 1 : -1;
            boolean versusBudget = VERSUS_BUDGET.matcher(m.group(1)).matches();
            Fact change = null;
            int paragraph = n.paragraph(m.start())[0];
            for (Fact f : n.facts()) {
                if (f.evidence() == null || f.evidence().start() > m.start() || !Narrative.hasChange(f)
                        || f.change().sign() == 0 || n.paragraph(f.evidence().start())[0] != paragraph) {
                    continue;
                }
                if (versusBudget && !"INITIAL_BUDGET".equals(f.change().base())) {
                    continue;
                }
                change = f;
            }
            if (change == null || change.key().equals("change.cause")) {
                continue;
            }
            boolean agrees = change.change().sign() == said;
            Quantity stated = Narrative.change(change);
            if (stated == null) {
                continue;
            }
            Comparison cmp = agrees ? new Comparison(stated, stated, Verdict.HOLDS, null, BigDecimal.ZERO)
                    : new Comparison(stated, stated, Verdict.BROKEN, descriptor().severity(), stated.value().abs());
            Evidence phrase = Evidence.ofText(m.group(), m.start(), m.end());
            Fact explained = change;
            checks.add(cmp, () -> finding(cmp,
                    "“" + explained.label() + "”" + explained.change().directionWord() + Findings.plain(explained.change().amount())
                            + "万元,原因说明却称“" + m.group() + "”,方向相反。",
                    "“" + explained.label() + "” " + explained.change().directionWord() + " "
                            + Findings.plain(explained.change().amount()) + ", but the explanation says “" + m.group()
                            + "”: the opposite direction.",
                    List.of(explained.evidence(), phrase), "万元"));
        }
    }

    /** A figure that is now zero cannot have increased (its prior figure would be negative). */
    private void zeroCannotHaveGrown(Checks checks, Narrative n) {
        for (Fact f : n.facts()) {
            if (!Narrative.isCurrentAmount(f) || f.value().signum() != 0 || !Narrative.hasChange(f)
                    || f.change().sign() <= 0 || f.change().amount() == null || f.change().amount().signum() == 0) {
                continue;
            }
            Quantity change = Narrative.change(f);
            Comparison cmp = new Comparison(Quantity.exact(BigDecimal.ZERO, "0"), change, Verdict.BROKEN,
                    descriptor().severity(), change.low().max(BigDecimal.ZERO));
            checks.add(cmp,
                    () -> "“" + f.label() + "”本期为0万元,不可能" + f.change().directionWord() + Findings.plain(f.change().amount())
                            + "万元。",
                    () -> "“" + f.label() + "” is 0 now: it cannot have " + "increased by " + Findings.plain(f.change().amount())
                            + ".",
                    List.of(change));
        }
    }

    private io.budgetlens.events.Finding finding(Comparison cmp, String zh, String en, List<Evidence> evidence,
                                                       String unit) {
        return new io.budgetlens.events.Finding(descriptor().id(), cmp.severity(), descriptor().category(), zh, en,
                cmp.expectedInterval(), cmp.actual().value(), cmp.excess(), unit,
                evidence.stream().filter(Objects::nonNull).distinct().toList());
    }
}
