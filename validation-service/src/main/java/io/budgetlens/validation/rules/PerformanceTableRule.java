package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.PerformanceIndicator;
import io.budgetlens.events.TableRow;
import io.budgetlens.events.Verdict;

/**
 * PERF-002 the rows of the performance tables agree with each other: in every funding row (年度资金总额, 其中:财政拨款…)
 * 执行率 = 全年执行数 / 全年预算数 and 执行率得分 = 执行率 × 分值, 其中 rows do not exceed the total row and, when the
 * rows of every source are printed, add up to it; indicator weights add up to 100 (or to 90 with an execution-rate
 * weight of 10); an indicator's score is its weight × its score rate; its deviation (偏离度) is |完成值 − 指标值| /
 * 指标值; a target table's 当年预算 = 本级安排 + 上级补助; the narrative's funds received and executed are the sums of
 * the tables' 全年预算数 and 全年执行数.
 */
public final class PerformanceTableRule extends AbstractRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The labels of funding rows (String.matches compiled it for every row read). */
    private static final Pattern FUNDING_LABEL = Pattern.compile(".*(资金|金额|拨款|总额|结转|其他).*");
    private static final Pattern TOTAL_SCORE = Pattern.compile(".*总分.*");

    /** {@code \\d+(\\.\\d+)?} (ASCII digits), by hand: the rule reads every cell of the performance tables. */
    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.' || i + 1 == n) {
            return false;
        }
        for (int j = i + 1; j < n; j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') {
                return false;
            }
        }
        return true;
    }

    /** How many cells of a row are numbers (a % sign and blanks aside), counted once per row in a validation. */
    static long numericCells(TableRow row) {
        return DocumentScope.perObject(PerformanceTableRule.class, row, r -> {
            long count = 0;
            for (String c : r.cells()) {
                if (isNumberBesidesPercent(c)) {
                    count++;
                }
            }
            return count;
        });
    }

    /**
     * {@code isNumber(cell.replace("%", "").strip())} without making the two strings: the cell without its % signs,
     * blanks at its ends aside, is {@code \d+(\.\d+)?}.
     */
    static boolean isNumberBesidesPercent(String cell) {
        int s = 0;
        int e = cell.length();
        while (s < e && (cell.charAt(s) == '%' || Character.isWhitespace(cell.charAt(s)))) {
            s++;
        }
        while (e > s && (cell.charAt(e - 1) == '%' || Character.isWhitespace(cell.charAt(e - 1)))) {
            e--;
        }
        int integer = 0;
        int fraction = -1;
        for (int i = s; i < e; i++) {
            char c = cell.charAt(i);
            if (c == '%') {
                continue;
            }
            if (c >= '0' && c <= '9') {
                if (fraction < 0) {
                    integer++;
                } else {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0 && integer > 0) {
                fraction = 0;
            } else {
                return false;
            }
        }
        return integer > 0 && fraction != 0;
    }

    /** The funding rows of one self-evaluation table block, by column. */
    private record Funding(TableRow row, String label, Quantity initial, Quantity adjusted, Quantity executed,
                           Quantity rate, Quantity weight, Quantity score) {
    }

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        List<Funding> all = new ArrayList<>();
        Set<String> read = new java.util.HashSet<>();
        for (DisclosureTable t : TableRules.tables(d, "PERFORMANCE_SELF_EVALUATION", "PERFORMANCE_TARGETS")) {
            List<TableRow> rows = t.rows();
            for (int i = 0; i < rows.size(); i++) {
                int[] columns = header(rows.get(i));
                if (columns != null) {
                    List<Funding> block = block(t, rows, i, columns);
                    fundingRows(checks, t, block);
                    all.addAll(block.stream().filter(f -> isTotal(f.label())).toList());
                    read.add(t.id());
                }
                budgetSplit(checks, t, rows.get(i));
            }
        }
        for (PerformanceEvaluation e : d.performance() == null ? List.<PerformanceEvaluation>of() : d.performance()) {
            if (!read.contains(e.tableId())) {
                executionRate(checks, e);
            }
            indicators(checks, d, e);
            departmentBudget(checks, d, e);
        }
        narrativeSums(checks, d, all);
    }

    /** Column positions of 年初预算数, 全年预算数, 执行数, 执行率, 分值/权重, 得分 in a header row, or null. */
    private static int[] header(TableRow row) {
        int[] c = {-1, -1, -1, -1, -1, -1};
        List<String> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i).replace(" ", "");
            if (h.contains("年初") && h.contains("预算")) {
                c[0] = i;
            } else if (h.contains("预算") && (h.contains("全年") || h.contains("调整"))) {
                c[1] = i;
            } else if (h.contains("执行数")) {
                c[2] = i;
            } else if (h.contains("执行率") && !h.contains("权重") && !h.contains("得分") && !h.contains("分值")) {
                c[3] = i;
            } else if (h.contains("权重") || h.equals("分值")) {
                c[4] = i;
            } else if (h.contains("得分")) {
                c[5] = i;
            }
        }
        return c[1] >= 0 && c[2] >= 0 ? c : null;
    }

    private static boolean isTotal(String label) {
        return label.contains("总额") || label.contains("总金额") || label.contains("合计");
    }

    private List<Funding> block(DisclosureTable t, List<TableRow> rows, int headerIndex, int[] columns) {
        List<Funding> out = new ArrayList<>();
        String headerLabel = rows.get(headerIndex).cells().get(0).replace(" ", "");
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            List<String> cells = row.cells();
            if (cells.isEmpty()) {
                break;
            }
            String first = cells.get(0).replace(" ", "");
            boolean unlabelled = isNumber(first.replace(",", ""));
            String label = unlabelled ? headerLabel : first;
            if (!unlabelled && !FUNDING_LABEL.matcher(label).matches()) {
                break;
            }
            int shift = unlabelled ? -1 : 0;
            out.add(new Funding(row, label, value(t, row, columns[0], shift), value(t, row, columns[1], shift),
                    value(t, row, columns[2], shift), percent(t, row, columns[3], shift),
                    value(t, row, columns[4], shift), value(t, row, columns[5], shift)));
        }
        return out;
    }

    /** A numeric cell (a "-" or blank is a stated nothing: zero), or null when absent or not a number. */
    private Quantity value(DisclosureTable t, TableRow row, int column, int shift) {
        int index = column + shift;
        if (column < 0 || index < 0 || index >= row.cells().size()) {
            return null;
        }
        String printed = row.cells().get(index).replace(",", "").strip();
        Evidence evidence = new Evidence(TableRules.quote(row), row.start(), row.end(), t.id(), row.index(),
                index, null);
        if (printed.equals("-") || printed.equals("—")) {
            return Quantity.exact(BigDecimal.ZERO, "-").withEvidence(evidence);
        }
        if (!isNumber(printed)) {
            return null;
        }
        return Quantity.parse(printed, TableRules.label(row), evidence);
    }

    private Quantity percent(DisclosureTable t, TableRow row, int column, int shift) {
        int index = column + shift;
        if (column < 0 || index < 0 || index >= row.cells().size()) {
            return null;
        }
        String printed = row.cells().get(index).replace("%", "").strip();
        if (!isNumber(printed)) {
            return null;
        }
        return Quantity.parse(printed, "执行率", new Evidence(TableRules.quote(row), row.start(), row.end(),
                t.id(), row.index(), index, null));
    }

    private void fundingRows(Checks checks, DisclosureTable t, List<Funding> block) {
        for (Funding f : block) {
            if (f.rate() != null && f.adjusted() != null && f.executed() != null && f.adjusted().low().signum() > 0
                    && holdsExactly(f.rate().value(), f.executed().value().multiply(HUNDRED), f.adjusted().value())) {
                checks.count();
            } else if (f.rate() != null && f.adjusted() != null && f.executed() != null
                    && f.adjusted().low().signum() > 0) {
                Quantity computed = f.executed().percentOf(f.adjusted());
                Comparison cmp = Comparison.of(computed, f.rate(), descriptor().severity());
                add(checks, cmp, t, () -> f.label() + "执行率" + Findings.plain(f.rate().value()) + "%与全年执行数"
                                + Findings.plain(f.executed().value()) + "/全年预算数" + Findings.plain(f.adjusted().value()) + "不符",
                        () -> f.label() + ": the execution rate " + Findings.plain(f.rate().value()) + "% does not follow from "
                                + Findings.plain(f.executed().value()) + " / " + Findings.plain(f.adjusted().value()),
                        List.of(f.rate(), f.executed(), f.adjusted()), "%");
            }
            if (f.rate() != null && f.weight() != null && f.score() != null
                    && holdsExactly(f.score().value(), f.rate().value().multiply(f.weight().value()), HUNDRED)) {
                checks.count();
            } else if (f.rate() != null && f.weight() != null && f.score() != null) {
                Quantity computed = f.rate().times(f.weight().value()).dividedBy(HUNDRED);
                Comparison cmp = Comparison.of(computed, f.score(), descriptor().severity());
                add(checks, cmp, t, () -> f.label() + "执行率得分" + Findings.plain(f.score().value()) + "不等于执行率"
                                + Findings.plain(f.rate().value()) + "%×分值" + Findings.plain(f.weight().value()),
                        () -> f.label() + ": the execution-rate score " + Findings.plain(f.score().value()) + " is not the rate "
                                + Findings.plain(f.rate().value()) + "% × its weight " + Findings.plain(f.weight().value()),
                        List.of(f.score(), f.rate(), f.weight()), "分");
            }
        }
        Funding total = block.stream().filter(f -> isTotal(f.label())).findFirst().orElse(null);
        if (total == null) {
            return;
        }
        List<Funding> parts = block.stream().filter(f -> f != total).toList();
        boolean everySource = parts.size() >= 3;
        for (int column = 0; column < 3; column++) {
            Quantity whole = pick(total, column);
            List<Quantity> values = new ArrayList<>();
            for (Funding p : parts) {
                Quantity q = pick(p, column);
                if (q != null) {
                    values.add(q);
                }
            }
            if (whole == null || values.isEmpty() || (everySource && values.size() != parts.size())) {
                continue;
            }
            Quantity sum = Quantity.sum(values);
            List<Quantity> operands = new ArrayList<>(values);
            operands.add(0, whole);
            Comparison cmp = everySource ? Comparison.of(sum, whole, descriptor().severity())
                    : Comparison.atMost(sum, whole, false, descriptor().severity());
            add(checks, cmp, t, () -> total.label() + "为" + Findings.plain(whole.value()) + "万元,其下各行合计"
                            + Findings.plain(sum.value()) + "万元",
                    () -> total.label() + " is " + Findings.plain(whole.value()) + " but the rows under it give "
                            + Findings.plain(sum.value()), operands, "万元");
        }
    }

    private Quantity pick(Funding f, int column) {
        return switch (column) {
            case 0 -> f.initial();
            case 1 -> f.adjusted();
            default -> f.executed();
        };
    }

    /** 执行率 = 全年执行数 / 全年(调整)预算数 as the parser read the evaluation, when its funding rows could not be read. */
    private void executionRate(Checks checks, PerformanceEvaluation e) {
        if (e.executionRate() == null || e.executed() == null || e.adjustedBudget() == null
                || e.adjustedBudget().signum() <= 0) {
            return;
        }
        String printed = e.executionRate().replace("%", "").strip();
        if (!isNumber(printed)) {
            return;
        }
        Evidence evidence = new Evidence((e.projectName() == null ? "" : e.projectName()) + " 执行率 " + e.executionRate(),
                null, null, e.tableId(), null, null, null);
        Quantity rate = Quantity.parse(printed, "执行率", evidence);
        Quantity executed = Quantity.printed(e.executed(), Math.max(0, e.executed().scale()), "全年执行数", evidence);
        Quantity budget = Quantity.printed(e.adjustedBudget(), Math.max(0, e.adjustedBudget().scale()), "全年预算数",
                evidence);
        Comparison cmp = Comparison.of(executed.percentOf(budget), rate, descriptor().severity());
        String computed = cmp.expected().value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        io.budgetlens.events.Finding f = Findings.of(descriptor(), cmp,
                "《" + e.projectName() + "》执行率" + e.executionRate() + "与全年执行数" + e.executed() + "/全年预算数"
                        + e.adjustedBudget() + "计算的" + computed + "%不符。",
                "In " + e.projectName() + ", the execution rate " + e.executionRate() + " does not follow from "
                        + e.executed() + " / " + e.adjustedBudget() + " = " + computed + "%.", List.of(rate));
        checks.add(cmp, new io.budgetlens.events.Finding(f.ruleId(), f.severity(), f.category(), f.messageZh(),
                f.messageEn(), f.expected(), f.actual(), f.excess(), "%", f.evidence()));
    }

    /** "当年预算(万元) | 26.62 | 本级安排(万元) | 26.62" and "上级补助(万元) | ": 当年预算 = 本级安排 + 上级补助. */
    private void budgetSplit(Checks checks, DisclosureTable t, TableRow row) {
        List<String> cells = row.cells();
        int budget = -1;
        int own = -1;
        for (int i = 0; i + 1 < cells.size(); i++) {
            String c = cells.get(i).replace(" ", "");
            if (c.startsWith("当年预算")) {
                budget = i + 1;
            } else if (c.startsWith("本级安排")) {
                own = i + 1;
            }
        }
        if (budget < 0 || own < 0) {
            return;
        }
        Quantity total = value(t, row, budget, 0);
        Quantity ownPart = value(t, row, own, 0);
        Quantity upper = null;
        int index = row.index();
        if (index + 1 < t.rows().size()) {
            TableRow next = t.rows().get(index + 1);
            if (!next.cells().isEmpty() && next.cells().get(0).replace(" ", "").startsWith("上级补助")) {
                upper = next.cells().size() > 1 && !next.cells().get(1).isBlank() ? value(t, next, 1, 0)
                        : Quantity.exact(BigDecimal.ZERO, "上级补助");
            }
        }
        if (total == null || ownPart == null || upper == null) {
            return;
        }
        Quantity sum = ownPart.plus(upper);
        Comparison cmp = Comparison.of(sum, total, descriptor().severity());
        add(checks, cmp, t, () -> "当年预算" + Findings.plain(total.value()) + "万元不等于本级安排与上级补助之和"
                        + Findings.plain(sum.value()) + "万元",
                () -> "the year's budget " + Findings.plain(total.value()) + " is not own funds plus subsidies "
                        + Findings.plain(sum.value()), List.of(total, ownPart), "万元");
    }

    private void indicators(Checks checks, DisclosureParsed d, PerformanceEvaluation e) {
        DisclosureTable t = d.tables().stream().filter(x -> x.id().equals(e.tableId())).findFirst().orElse(null);
        if (t == null || e.indicators().isEmpty()) {
            return;
        }
        String project = e.projectName() == null ? "绩效表" : e.projectName();
        Quantity weights = null;
        List<Quantity> weightOperands = new ArrayList<>();
        List<PerformanceIndicator> all = new ArrayList<>(e.indicators());
        if (!everyIndicatorRead(t, e)) {
            List<PerformanceIndicator> more = unreadRows(t, e);
            if (more == null) {
                return;
            }
            all.addAll(more);
        }
        for (PerformanceIndicator i : all) {
            if (i.weight() == null) {
                weights = null;
                break;
            }
            Quantity w = Quantity.printed(i.weight(), Math.max(0, i.weight().scale()), i.name() + "权重", i.evidence());
            weights = weights == null ? w : weights.plus(w);
            weightOperands.add(w);
            scoreRate(checks, t, project, i, w);
            deviation(checks, t, project, i);
        }
        if (weights == null) {
            return;
        }
        if (all.size() > e.indicators().size()) {
            totalScore(checks, t, project, e, all, weights);
        }
        Quantity executionWeight = executionWeight(t, e);
        boolean holds = weights.value().compareTo(HUNDRED) == 0
                || (executionWeight != null && weights.plus(executionWeight).value().compareTo(HUNDRED) == 0)
                || (executionWeight == null && weights.value().compareTo(BigDecimal.valueOf(90)) == 0);
        Quantity expected = executionWeight == null ? Quantity.exact(HUNDRED, "100")
                : Quantity.exact(HUNDRED.subtract(executionWeight.value()), "100 − 执行率权重");
        Comparison cmp = holds ? new Comparison(expected, weights, Verdict.HOLDS, null, BigDecimal.ZERO)
                : new Comparison(expected, weights, Verdict.BROKEN, descriptor().severity(),
                weights.value().subtract(expected.value()).abs());
        if (executionWeight != null) {
            weightOperands.add(executionWeight);
        }
        add(checks, cmp, t, () -> "《" + project + "》各指标权重合计" + Findings.plain(cmp.actual().value()) + ",应为100"
                        + (executionWeight == null ? "" : "(或与执行率权重" + Findings.plain(executionWeight.value())
                        + "合计为100)"),
                () -> "In " + project + ", the indicator weights add up to " + Findings.plain(cmp.actual().value())
                        + ", not to 100" + (executionWeight == null ? "" : " (or 100 with the execution-rate weight)"),
                weightOperands, "分");
    }

    /**
     * Every indicator row of the evaluation's block was read as an indicator (a row the parser could not read, such
     * as a 定性 indicator printed with a long description, would make the weights look short).
     */
    private static boolean everyIndicatorRead(DisclosureTable t, PerformanceEvaluation e) {
        Set<Integer> read = new java.util.HashSet<>();
        for (PerformanceIndicator i : e.indicators()) {
            if (i.evidence() == null || i.evidence().row() == null) {
                return false;
            }
            read.add(i.evidence().row());
        }
        int first = read.stream().min(Integer::compare).orElse(0);
        Rows rows = rows(t);
        for (int r = first; r < t.rows().size(); r++) {
            if (r > first && rows.opensBlock()[r]) {
                break;
            }
            if (rows.numbers()[r] >= 2 && !read.contains(r)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per row of a table, read once per validation (every project's indicators scan the rows after them): whether its
     * first cell opens another block (项目名称, 说明…, 自评表, 目标表, 编制单位) and its count of numeric cells.
     */
    record Rows(boolean[] opensBlock, int[] numbers) {
    }

    static Rows rows(DisclosureTable t) {
        return DocumentScope.perObject(Rows.class, t, table -> {
            List<TableRow> rows = table.rows();
            boolean[] opens = new boolean[rows.size()];
            int[] numbers = new int[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r).cells();
                String head = cells.isEmpty() ? "" : cells.get(0).replace(" ", "");
                opens[r] = head.contains("项目名称") || head.startsWith("说明") || head.contains("自评表")
                        || head.contains("目标表") || head.contains("编制单位");
                numbers[r] = (int) numericCells(rows.get(r));
            }
            return new Rows(opens, numbers);
        });
    }

    /**
     * Indicator rows the parser could not read (a 定性 indicator printed without its 计量单位 cell, so its cells are
     * one short): read from the right against the indicator header, whose last columns are 得分系数, 权重, 得分, 说明.
     * Null when a row does not fit.
     */
    private static List<PerformanceIndicator> unreadRows(DisclosureTable t, PerformanceEvaluation e) {
        Set<Integer> read = new java.util.HashSet<>();
        e.indicators().forEach(i -> read.add(i.evidence().row()));
        int first = read.stream().min(Integer::compare).orElse(0);
        List<String> header = null;
        for (String cell : t.rows().get(first).cells()) {
            String h = cell.replace(" ", "");
            if (header == null && (h.equals("指标名称") || h.equals("三级指标"))) {
                header = new ArrayList<>();
            }
            if (header != null) {
                header.add(h);
                if (h.equals("说明") || h.startsWith("偏离绩效目标原因")) {
                    break;
                }
            }
        }
        if (header == null) {
            return null;
        }
        int weight = indexOf(header, "指标权重", "分值");
        int score = indexOf(header, "指标得分", "得分");
        int rate = header.stream().filter(h -> h.startsWith("得分系数")).findFirst().map(header::indexOf).orElse(-1);
        if (weight < 0 || score < 0) {
            return null;
        }
        List<PerformanceIndicator> out = new ArrayList<>();
        for (int r = first + 1; r < t.rows().size(); r++) {
            TableRow row = t.rows().get(r);
            List<String> cells = row.cells();
            String head = cells.isEmpty() ? "" : cells.get(0).replace(" ", "");
            if (head.contains("项目名称") || head.startsWith("说明") || head.contains("自评表")) {
                break;
            }
            if (read.contains(r) || numericCells(row) < 2) {
                continue;
            }
            int shift = header.size() - cells.size();
            BigDecimal w = number(cells, weight - shift);
            BigDecimal sc = number(cells, score - shift);
            if (w == null || sc == null) {
                return null;
            }
            String rateCell = rate < 0 || rate - shift < 0 || rate - shift >= cells.size() ? null
                    : cells.get(rate - shift);
            out.add(new PerformanceIndicator(null, null, cells.get(0).strip(), null, null, null, null, null, w,
                    rateCell, sc, new Evidence(String.join(" | ", cells), row.start(), row.end(), t.id(), row.index(),
                    null, null)));
        }
        return out;
    }

    /** The first header starting with the first prefix, else the second…; 得分 never matches 得分系数. */
    private static int indexOf(List<String> header, String... prefixes) {
        for (String p : prefixes) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith(p) && !header.get(i).startsWith("得分系数")) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static BigDecimal number(List<String> cells, int index) {
        if (index < 0 || index >= cells.size()) {
            return null;
        }
        String c = cells.get(index).strip();
        return isNumber(c) ? new BigDecimal(c) : null;
    }

    /**
     * 总分 = Σ得分 + 执行率得分, under the table's convention (indicators weighted 100 scaled to 90), when the parser's
     * own indicators were incomplete and PERF-001 could not add them up.
     */
    private void totalScore(Checks checks, DisclosureTable t, String project, PerformanceEvaluation e,
                                   List<PerformanceIndicator> all, Quantity weights) {
        if (e.totalScore() == null || e.executionScore() == null) {
            return;
        }
        List<Quantity> scores = new ArrayList<>();
        for (PerformanceIndicator i : all) {
            if (i.score() == null) {
                return;
            }
            scores.add(Quantity.printed(i.score(), Math.max(0, i.score().scale()), i.name() + "得分", i.evidence()));
        }
        Quantity sum = Quantity.sum(scores);
        if (weights.value().compareTo(HUNDRED) == 0 && e.executionWeight() != null) {
            sum = sum.times(new BigDecimal("0.9"));
        }
        Quantity exec = Quantity.printed(e.executionScore(), Math.max(0, e.executionScore().scale()), "执行率得分", null);
        Quantity expected = sum.plus(exec);
        TableRow totalRow = t.rows().stream().filter(r -> r.cells().stream().anyMatch(c -> c.replace(" ", "")
                .contains("总分") && TOTAL_SCORE.matcher(c.replace(" ", "")).matches())).findFirst().orElse(null);
        Quantity total = Quantity.printed(e.totalScore(), Math.max(0, e.totalScore().scale()), "总分",
                totalRow == null ? null : new Evidence(String.join(" | ", totalRow.cells()), totalRow.start(),
                        totalRow.end(), t.id(), totalRow.index(), null, null));
        List<Quantity> operands = new ArrayList<>(scores);
        operands.add(0, total);
        Comparison cmp = Comparison.of(expected, total, descriptor().severity());
        add(checks, cmp, t, () -> "《" + project + "》自评总分" + Findings.plain(e.totalScore()) + "与指标得分及执行率得分合计"
                        + Findings.plain(expected.value()) + "不符",
                () -> "In " + project + ", the total score " + Findings.plain(e.totalScore())
                        + " does not match the indicator and execution-rate scores, which give "
                        + Findings.plain(expected.value()), operands, "分");
    }

    /** The execution-rate weight of an evaluation: its own, or the 预算执行率权重 row printed above its indicators. */
    private Quantity executionWeight(DisclosureTable t, PerformanceEvaluation e) {
        if (e.executionWeight() != null) {
            return Quantity.printed(e.executionWeight(), Math.max(0, e.executionWeight().scale()), "执行率权重", null);
        }
        Integer first = e.indicators().get(0).evidence() == null ? null : e.indicators().get(0).evidence().row();
        if (first == null) {
            return null;
        }
        for (int i = first - 1; i >= 0 && i >= first - 12; i--) {
            TableRow row = t.rows().get(i);
            List<String> cells = row.cells();
            for (int c = 0; c + 1 < cells.size(); c++) {
                if (cells.get(c).replace(" ", "").contains("执行率权重")) {
                    return value(t, row, c + 1, 0);
                }
            }
            if (cells.stream().anyMatch(x -> x.replace(" ", "").contains("项目名称"))) {
                break;
            }
        }
        return null;
    }

    private void scoreRate(Checks checks, DisclosureTable t, String project, PerformanceIndicator i,
                                  Quantity weight) {
        if (i.score() == null || i.scoreRate() == null || i.score().compareTo(i.weight()) > 0) {
            return;
        }
        String printed = i.scoreRate().replace("%", "").strip();
        if (!isNumber(printed)) {
            return;
        }
        if (weight.value().signum() <= 0) {
            return;
        }
        // A weight is an allocation, not a measurement: exact. The rate is compared with 得分 / 权重, so that a whole-
        // number score (±0.5) does not hide a wrong rate.
        Quantity rate = Quantity.parse(printed, i.name() + "得分系数", i.evidence());
        if (holdsExactly(rate.value(), i.score().multiply(HUNDRED), weight.value())) {
            checks.count();
            return;
        }
        Quantity score = Quantity.printed(i.score(), Math.max(0, i.score().scale()), i.name() + "得分", i.evidence());
        Quantity computed = score.times(HUNDRED).dividedBy(weight.value());
        Comparison cmp = Comparison.of(computed, rate, descriptor().severity());
        add(checks, cmp, t, () -> "《" + project + "》指标“" + i.name() + "”得分" + Findings.plain(i.score()) + "不等于权重"
                        + Findings.plain(i.weight()) + "×得分系数" + i.scoreRate(),
                () -> "In " + project + ", indicator " + i.name() + " scores " + Findings.plain(i.score()) + ", not its weight "
                        + Findings.plain(i.weight()) + " × its score rate " + i.scoreRate(), List.of(score, rate), "分");
    }

    private void deviation(Checks checks, DisclosureTable t, String project, PerformanceIndicator i) {
        if (i.deviation() == null || i.target() == null || i.actual() == null) {
            return;
        }
        String target = i.target().strip();
        String actual = i.actual().strip();
        String dev = i.deviation().replace("%", "").strip();
        if (!isNumber(target) || !isNumber(actual) || !isNumber(dev)
                || new BigDecimal(target).signum() == 0) {
            return;
        }
        // A target is set, not measured: exact.
        Quantity tq = Quantity.exact(new BigDecimal(target), "指标值").withEvidence(i.evidence());
        Quantity aq = Quantity.parse(actual, "完成值", i.evidence());
        Quantity difference = aq.value().compareTo(tq.value()) >= 0 ? aq.minus(tq) : tq.minus(aq);
        Quantity computed = difference.low().signum() < 0
                ? new Quantity(difference.value(), BigDecimal.ZERO, difference.high(), 2, "偏离", null).percentOf(tq)
                : difference.percentOf(tq);
        Quantity stated = Quantity.parse(dev, "偏离度", i.evidence());
        Comparison cmp = Comparison.of(computed, stated, descriptor().severity());
        add(checks, cmp, t, () -> "《" + project + "》指标“" + i.name() + "”偏离度" + dev + "%与指标值" + target + "、完成值" + actual
                        + "不符", () -> "In " + project + ", indicator " + i.name() + ": the deviation " + dev
                        + "% does not follow from the target " + target + " and the result " + actual,
                List.of(stated), "%");
    }

    /** A budget's whole-department target table states the department's expenditure budget (部门支出预算数). */
    private void departmentBudget(Checks checks, DisclosureParsed d, PerformanceEvaluation e) {
        boolean whole = e.projectName() != null && (e.projectName().contains("整体")
                || (d.meta() != null && e.projectName().equals(d.meta().department())));
        if (!whole || e.budget() == null || d.meta() == null || d.meta().kind() != DisclosureKind.BUDGET) {
            return;
        }
        Quantity total = BoundRule.tableTotal(d, "EXPENDITURE", "TOTAL");
        if (total == null && d.facts() != null) {
            total = d.facts().stream().filter(f -> f.key().equals("expenditure.total") && Narrative.isCurrentAmount(f)
                    && f.scope() == io.budgetlens.events.FundScope.ALL_FUNDS && Narrative.fund(f.label()).isEmpty())
                    .findFirst().map(Narrative::value).orElse(null);
        }
        DisclosureTable t = d.tables().stream().filter(x -> x.id().equals(e.tableId())).findFirst().orElse(null);
        if (total == null || t == null) {
            return;
        }
        TableRow row = t.rows().stream().filter(r -> r.cells().stream().anyMatch(c -> c.contains("预算数")
                && !c.contains("执行"))).findFirst().orElse(null);
        Quantity stated = Quantity.printed(e.budget(), Math.max(0, e.budget().scale()), "部门支出预算数",
                row == null ? null : new Evidence(String.join(" | ", row.cells()), row.start(), row.end(), t.id(),
                        row.index(), null, null));
        Comparison cmp = Comparison.of(total, stated, descriptor().severity());
        add(checks, cmp, t, () -> "部门支出预算数" + Findings.plain(e.budget()) + "万元与部门支出总额" + Findings.plain(cmp.expected().value())
                        + "万元不符", () -> "the department's expenditure budget " + Findings.plain(e.budget())
                        + " differs from its total expenditure " + Findings.plain(cmp.expected().value()),
                List.of(stated, total), "万元");
    }

    /** 到位项目资金 = Σ 全年预算数 and 项目资金执行 = Σ 全年执行数 over the projects' self-evaluations. */
    private void narrativeSums(Checks checks, DisclosureParsed d, List<Funding> totals) {
        List<Funding> projects = totals;
        if (projects.size() < 2 || d.facts() == null) {
            return;
        }
        for (Fact fact : d.facts()) {
            boolean received = "performance.funds_received".equals(fact.key());
            boolean executed = "performance.funds_executed".equals(fact.key());
            if ((!received && !executed) || !Narrative.isCurrentAmount(fact)) {
                continue;
            }
            List<Quantity> values = projects.stream().map(p -> received ? p.adjusted() : p.executed()).toList();
            if (values.contains(null)) {
                continue;
            }
            Quantity sum = Quantity.sum(values);
            Quantity stated = Narrative.value(fact);
            List<Quantity> operands = new ArrayList<>(values);
            operands.add(0, stated);
            checks.equal(sum, stated,
                    "正文“" + fact.label() + "”" + Findings.plain(fact.value()) + "万元,而" + projects.size() + "个项目绩效自评表的"
                            + (received ? "全年预算数" : "全年执行数") + "合计" + Findings.plain(sum.value()) + "万元。",
                    "The narrative's “" + fact.label() + "” is " + Findings.plain(fact.value()) + " but the "
                            + projects.size() + " project self-evaluations add up to " + Findings.plain(sum.value())
                            + (received ? " (full-year budgets)." : " (amounts executed)."),
                    operands);
        }
    }

    /** The check, with its finding's words made only when it is broken. */
    private void add(Checks checks, Comparison cmp, DisclosureTable t, Supplier<String> zh, Supplier<String> en,
                            List<Quantity> operands, String unit) {
        if (!cmp.broken()) {
            checks.add(cmp, (io.budgetlens.events.Finding) null);
            return;
        }
        io.budgetlens.events.Finding f = Findings.of(descriptor(), cmp, "《" + t.title() + "》" + zh.get() + "。",
                "In " + t.title() + ": " + en.get() + ".", operands);
        checks.add(cmp, new io.budgetlens.events.Finding(f.ruleId(), f.severity(), f.category(), f.messageZh(),
                f.messageEn(), f.expected(), f.actual(), f.excess(), unit, f.evidence()));
    }

    /**
     * A check that holds exactly: {@code numerator / denominator} (the division the check would make) equals
     * {@code stated}, tested by multiplication ({@code stated × denominator = numerator}) without dividing. When it
     * does, the quotient of the division is {@code stated} itself and the comparison HOLDS; otherwise the caller
     * divides and compares as before.
     */
    static boolean holdsExactly(BigDecimal stated, BigDecimal numerator, BigDecimal denominator) {
        return stated.multiply(denominator).compareTo(numerator) == 0;
    }
}
