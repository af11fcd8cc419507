package io.budgetlens.mutation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Finding;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.PerformanceIndicator;
import io.budgetlens.events.TableRow;
import io.budgetlens.mutation.Catchability.Decision;
import io.budgetlens.mutation.Catchability.Reason;

/**
 * Catchability of a cell of a performance table, by what the cell is: a funding row's 年初预算数, 全年预算数, 执行数,
 * 执行率, 分值 or 得分 (rate = 执行数 / 全年预算数, score = rate × 分值, 其中 rows under the total row), an indicator's
 * weight (weights add up to 100), score (the total score adds them up), score rate (= score / weight), deviation
 * (= |result − target| / target) or target and result (used only by a deviation), a target table's 当年预算 (= 本级安排 +
 * 上级补助) and weights, the total score. Ratios are evaluated with the changed figure under the rounding policy: a
 * change that stays within one unit of the last digit of the ratio's printed figure cannot raise more than INFO.
 */
final class PerformanceCells {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;

    private PerformanceCells() {
    }

    static Decision decide(DisclosureParsed d, DisclosureTable table, TableRow row, PrintedFigure figure,
                           List<Finding> baseline) {
        int index = figure.cellIn(d.text(), row);
        if (index < 0) {
            return new Decision(Reason.INDICATOR, "a cell that cannot be located");
        }
        List<String> cells = row.cells();
        String left = index > 0 ? cells.get(index - 1).replace(" ", "") : "";
        if (left.contains("总分")) {
            return new Decision(null, "a total score (the sum of the scores)");
        }
        if (left.startsWith("本级安排") || left.startsWith("部门支出预算数") || left.contains("执行率权重")) {
            return new Decision(null, "a budget split, the department's budget or an execution-rate weight");
        }
        if (left.startsWith("当年预算")) {
            return cells.stream().anyMatch(c -> c.replace(" ", "").startsWith("本级安排"))
                    ? new Decision(null, "当年预算 = 本级安排 + 上级补助")
                    : new Decision(Reason.PARTIAL_LIST, "当年预算 of one project of a partial list");
        }
        Decision funding = funding(table, row, index, figure);
        if (funding != null) {
            return funding;
        }
        return indicator(d, table, row, figure, baseline);
    }

    private static Decision funding(DisclosureTable table, TableRow row, int index, PrintedFigure figure) {
        List<TableRow> rows = table.rows();
        int headerIndex = -1;
        for (int r = row.index() - 1; r >= 0 && r >= row.index() - 6; r--) {
            String joined = String.join("", rows.get(r).cells()).replace(" ", "");
            if (joined.contains("执行数") && joined.contains("预算")) {
                headerIndex = r;
                break;
            }
        }
        if (headerIndex < 0) {
            return null;
        }
        for (int r = headerIndex + 1; r <= row.index(); r++) {
            String label = rows.get(r).cells().isEmpty() ? "" : rows.get(r).cells().get(0).replace(" ", "");
            if (!label.matches("[\\d.,]+") && !label.matches(".*(资金|金额|拨款|总额|结转|其他).*")) {
                return null;
            }
        }
        List<String> header = rows.get(headerIndex).cells().stream().map(c -> c.replace(" ", "")).toList();
        String first = row.cells().get(0).replace(" ", "");
        boolean unlabelled = first.matches("[\\d.,]+");
        int column = unlabelled ? index + 1 : index;
        if (column >= header.size()) {
            return null;
        }
        String h = header.get(column);
        String label = unlabelled ? header.get(0) : first;
        boolean part = label.startsWith("其中");
        boolean allSources = rows.stream().skip(headerIndex + 1).limit(5).anyMatch(r -> !r.cells().isEmpty()
                && r.cells().get(0).contains("上年结转"));
        BigDecimal a = cell(row, header, unlabelled, "全年", "调整");
        BigDecimal b = cell(row, header, unlabelled, "执行数");
        BigDecimal rate = percent(row, header, unlabelled);
        BigDecimal weight = cell(row, header, unlabelled, "分值", "权重");
        BigDecimal score = cell(row, header, unlabelled, "得分");
        if (h.contains("执行率") && !h.contains("权重") && !h.contains("得分")) {
            return rateDecision(figure, a, b, rate, weight, score, "rate");
        }
        if (h.contains("分值") || h.contains("权重")) {
            return new Decision(null, "an execution-rate weight (the weights add up to 100)");
        }
        if (h.contains("得分")) {
            return new Decision(null, "an execution-rate score (in the total score)");
        }
        if (h.contains("执行数") || (h.contains("预算") && !h.contains("年初"))) {
            boolean executed = h.contains("执行数");
            Decision viaRate = rate == null ? null : rateDecision(figure, a, b, rate, weight, score,
                    executed ? "executed" : "budget");
            if (viaRate != null && viaRate.catchable()) {
                return viaRate;
            }
            if (part || allSources) {
                return new Decision(null, "a 其中 row under its total, or a total of every source");
            }
            return viaRate != null ? viaRate : new Decision(Reason.BOUNDED_BELOW, label);
        }
        if (h.contains("年初")) {
            return part || allSources ? new Decision(null, "a 其中 row under its total")
                    : new Decision(Reason.BOUNDED_BELOW, label + " 年初预算数");
        }
        return null;
    }

    private static BigDecimal cell(TableRow row, List<String> header, boolean unlabelled, String... words) {
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            boolean match = false;
            for (String w : words) {
                match |= h.contains(w);
            }
            if (!match || (words[0].equals("得分") && (h.contains("系数") || h.contains("执行率") && !h.contains("得分")))
                    || (words[0].equals("全年") && (h.contains("执行") || h.contains("年初")))) {
                continue;
            }
            if (words[0].equals("分值") && h.contains("得分")) {
                continue;
            }
            BigDecimal v = number(row, c, unlabelled, ",");
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static BigDecimal percent(TableRow row, List<String> header, boolean unlabelled) {
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (h.contains("执行率") && !h.contains("权重") && !h.contains("得分")) {
                BigDecimal v = number(row, c, unlabelled, "%");
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /**
     * The cell under header column {@code c} (one to the left when the row has no label cell) as a number, without
     * {@code ignored} (thousands separators, a percent sign); null when there is no such cell or it is no number.
     */
    private static BigDecimal number(TableRow row, int c, boolean unlabelled, String ignored) {
        int index = unlabelled ? c - 1 : c;
        if (index < 0 || index >= row.cells().size()) {
            return null;
        }
        String v = row.cells().get(index).replace(ignored, "").strip();
        return v.matches("\\d+(\\.\\d+)?") ? new BigDecimal(v) : null;
    }

    /**
     * rate = executed / budget and score = rate × weight, with one of the figures changed by its delta: caught only when the
     * printed rate (or score) then lies more than one unit of its last digit outside the interval its inputs allow.
     */
    private static Decision rateDecision(PrintedFigure figure, BigDecimal a, BigDecimal b, BigDecimal rate,
                                         BigDecimal weight, BigDecimal score, String changed) {
        if (a == null || b == null || rate == null || a.signum() == 0) {
            return null;
        }
        BigDecimal a2 = changed.equals("budget") ? a.add(figure.delta()) : a;
        BigDecimal b2 = changed.equals("executed") ? b.add(figure.delta()) : b;
        BigDecimal r2 = changed.equals("rate") ? rate.add(figure.delta()) : rate;
        BigDecimal lo = lower(b2).multiply(HUNDRED).divide(upper(a2), MC);
        BigDecimal hi = upper(b2).multiply(HUNDRED).divide(lower(a2), MC);
        if (outside(r2, lower(r2), upper(r2), lo, hi)) {
            return new Decision(null, "an input of 执行率 = 执行数 / 全年预算数");
        }
        if (changed.equals("rate") && weight != null && score != null) {
            BigDecimal s = lower(r2).multiply(weight).divide(HUNDRED, MC);
            BigDecimal t = upper(r2).multiply(weight).divide(HUNDRED, MC);
            if (outside(score, lower(score), upper(score), s, t)) {
                return new Decision(null, "an input of 执行率得分 = 执行率 × 分值");
            }
        }
        return new Decision(Reason.WITHIN_ROUNDING, "执行率 of whole-number amounts");
    }

    /** The printed interval lies more than one unit of its last digit away from [lo, hi]. */
    private static boolean outside(BigDecimal printed, BigDecimal low, BigDecimal high, BigDecimal lo, BigDecimal hi) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(Math.max(0, printed.scale()));
        BigDecimal gap = low.compareTo(hi) > 0 ? low.subtract(hi) : lo.compareTo(high) > 0 ? lo.subtract(high)
                : BigDecimal.ZERO;
        return gap.compareTo(unit) > 0;
    }

    private static BigDecimal lower(BigDecimal v) {
        return v.signum() == 0 ? v : v.subtract(half(v));
    }

    private static BigDecimal upper(BigDecimal v) {
        return v.signum() == 0 ? v : v.add(half(v));
    }

    private static BigDecimal half(BigDecimal v) {
        return BigDecimal.ONE.movePointLeft(Math.max(0, v.scale())).divide(BigDecimal.valueOf(2));
    }

    private static Decision indicator(DisclosureParsed d, DisclosureTable table, TableRow row, PrintedFigure figure,
                                      List<Finding> baseline) {
        BigDecimal v = figure.value();
        List<PerformanceIndicator> here = new ArrayList<>();
        for (PerformanceEvaluation e : d.performance()) {
            if (!e.tableId().equals(table.id())) {
                continue;
            }
            for (PerformanceIndicator i : e.indicators()) {
                if (i.evidence() != null && i.evidence().row() != null && i.evidence().row() == row.index()) {
                    here.add(i);
                }
            }
        }
        boolean selfEvaluation = table.type().equals("PERFORMANCE_SELF_EVALUATION");
        if (here.isEmpty()) {
            // a row the parser could not read as an indicator (a 定性 indicator without a unit cell): its last cells
            // are 偏离度, 得分系数, 权重, 得分, 说明
            long numbers = row.cells().stream().filter(c -> c.replace("%", "").strip().matches("\\d+(\\.\\d+)?"))
                    .count();
            int index = figure.cellIn(d.text(), row);
            int fromEnd = row.cells().size() - index;
            if (numbers >= 3 && selfEvaluation && fromEnd >= 2 && fromEnd <= 3) {
                return new Decision(null, "a weight or score of an indicator row");
            }
            if (numbers >= 3 && selfEvaluation && fromEnd == 4) {
                return new Decision(null, "a score rate (得分系数 = 得分 / 权重)");
            }
            return new Decision(Reason.INDICATOR, "a deviation of a qualitative indicator, or a number that is no figure");
        }
        Decision fallback = null;
        String field = field(d.text(), row, figure, here);
        for (PerformanceIndicator i : here) {
            if (field != null && !field.startsWith(System.identityHashCode(i) + ":")) {
                continue;
            }
            String f = field == null ? null : field.substring(field.indexOf(':') + 1);
            if ((f == null || f.equals("weight") || f.equals("score")) && (equal(i.weight(), v) || equal(i.score(), v))) {
                return new Decision(null, "an indicator weight or score (they add up)");
            }
            if ((f == null || f.equals("rate")) && printedEqual(i.scoreRate(), figure.printed())) {
                if (i.score() != null && i.weight() != null && i.score().compareTo(i.weight()) > 0) {
                    fallback = new Decision(Reason.ALREADY_REPORTED, "the rate of a score above its weight");
                    continue;
                }
                Decision rate = scoreRate(i, v, figure.delta());
                if (rate.catchable()) {
                    return rate;
                }
                fallback = rate;
            }
            if ((f == null || f.equals("deviation") || f.equals("target") || f.equals("actual"))
                    && (printedEqual(i.deviation(), figure.printed()) || printedEqual(i.target(), figure.printed())
                    || printedEqual(i.actual(), figure.printed()))) {
                Decision deviation = deviation(i, figure);
                if (deviation.catchable()) {
                    return deviation;
                }
                fallback = fallback == null ? deviation : fallback;
            }
        }
        return fallback != null ? fallback : new Decision(Reason.INDICATOR, "a target or result of an indicator");
    }

    /**
     * Which field of which indicator of the row the figure's cell is: the row's cells equal to the figure's printed
     * text, in order, against the indicators' fields in their printed order (target, result, [deviation,] then weight,
     * rate, score as the table's columns run) — "identity:field", or null when the counts do not line up.
     */
    private static String field(String text, TableRow row, PrintedFigure figure, List<PerformanceIndicator> here) {
        int index = figure.cellIn(text, row);
        long k = row.cells().subList(0, Math.max(0, index)).stream().filter(c -> c.strip().equals(figure.printed()))
                .count();
        List<String> fields = new ArrayList<>();
        for (PerformanceIndicator i : here) {
            boolean target = i.actual() == null;
            List<String[]> order = new ArrayList<>();
            if (target) {
                order.add(new String[] {"weight", plain(i.weight())});
                order.add(new String[] {"target", i.target()});
            } else {
                order.add(new String[] {"target", i.target()});
                order.add(new String[] {"actual", i.actual()});
                if (i.deviation() != null) {
                    order.add(new String[] {"deviation", i.deviation()});
                    order.add(new String[] {"rate", i.scoreRate()});
                    order.add(new String[] {"weight", plain(i.weight())});
                } else {
                    order.add(new String[] {"weight", plain(i.weight())});
                    order.add(new String[] {"rate", i.scoreRate()});
                }
                order.add(new String[] {"score", plain(i.score())});
            }
            for (String[] o : order) {
                if (o[1] != null && o[1].strip().equals(figure.printed())) {
                    fields.add(System.identityHashCode(i) + ":" + o[0]);
                }
            }
        }
        return k < fields.size() ? fields.get((int) k) : null;
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a != null && a.compareTo(b) == 0;
    }

    private static boolean printedEqual(String a, String printed) {
        return a != null && a.strip().equals(printed);
    }

    /** score rate + delta against score / weight (the weight exact, the score as printed). */
    private static Decision scoreRate(PerformanceIndicator i, BigDecimal rate, BigDecimal delta) {
        if (i.score() == null || i.weight() == null || i.weight().signum() == 0) {
            return new Decision(Reason.INDICATOR, "a score rate without its score");
        }
        BigDecimal r2 = rate.add(delta);
        BigDecimal lo = lower(i.score()).multiply(HUNDRED).divide(i.weight(), MC);
        BigDecimal hi = upper(i.score()).multiply(HUNDRED).divide(i.weight(), MC);
        return outside(r2, lower(r2), upper(r2), lo, hi) ? new Decision(null, "得分系数 = 得分 / 权重")
                : new Decision(Reason.WITHIN_ROUNDING, "得分系数 of a whole-number score");
    }

    /** deviation = |actual − target| / target, with the changed figure among them. */
    private static Decision deviation(PerformanceIndicator i, PrintedFigure figure) {
        String t = i.target() == null ? "" : i.target().strip();
        String a = i.actual() == null ? "" : i.actual().strip();
        String dv = i.deviation() == null ? "" : i.deviation().replace("%", "").strip();
        if (!t.matches("\\d+(\\.\\d+)?") || !a.matches("\\d+(\\.\\d+)?") || !dv.matches("\\d+(\\.\\d+)?")
                || new BigDecimal(t).signum() == 0) {
            return new Decision(Reason.INDICATOR, "a target or result with no deviation to check it");
        }
        BigDecimal target = new BigDecimal(t);
        BigDecimal actual = new BigDecimal(a);
        BigDecimal dev = new BigDecimal(dv);
        String p = figure.printed();
        if (p.equals(dv)) {
            dev = dev.add(figure.delta());
        } else if (p.equals(t)) {
            target = target.add(figure.delta());
        } else {
            actual = actual.add(figure.delta());
        }
        BigDecimal dLow = actual.compareTo(target) >= 0 ? lower(actual).subtract(target).max(BigDecimal.ZERO)
                : target.subtract(upper(actual)).max(BigDecimal.ZERO);
        BigDecimal dHigh = actual.compareTo(target) >= 0 ? upper(actual).subtract(target)
                : target.subtract(lower(actual));
        BigDecimal lo = dLow.multiply(HUNDRED).divide(target, MC);
        BigDecimal hi = dHigh.multiply(HUNDRED).divide(target, MC);
        return outside(dev, lower(dev), upper(dev), lo, hi) ? new Decision(null, "偏离度 = |完成值 − 指标值| / 指标值")
                : new Decision(Reason.WITHIN_ROUNDING, "偏离度 of whole-number results");
    }
}
