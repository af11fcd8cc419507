package io.budgetlens.ingest.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.PerformanceEvaluation;
import io.budgetlens.events.PerformanceIndicator;
import io.budgetlens.events.TableRow;

/**
 * Reads performance target and self-evaluation tables into evaluations: one per project (a table may hold several,
 * each starting at its 项目名称 row), with the total score (自评总分 / 总分), grade, the funds block (年初预算数,
 * 全年(调整)预算数, 全年执行数, 执行率, its weight and score — the 其中:财政拨款 row when printed) and the indicators.
 * The indicator header row names the columns (指标名称 or 三级指标, with level columns before it); each indicator's
 * cells are aligned to those columns from the right, since spanned level cells are printed once. In a row that holds
 * several indicators (flattened tables), an empty last cell (说明) ends each one.
 */
public final class PerformanceExtractor {

    static final Set<String> INDICATOR_HEADERS = Set.of("绩效指标", "指标名称", "计量单位", "指标性质", "指标值",
            "全年完成值", "实际完成值", "偏离度(%)", "得分系数(%)", "得分系数", "指标权重(分)", "指标权重", "指标得分(分)",
            "说明", "是否核心", "是否核心指标", "一级指标", "二级指标", "三级指标", "年度指标值", "分值", "得分",
            "偏离绩效目标原因及下一步改进措施");
    static final Pattern OPERATOR = Pattern.compile("^(≥|≤|=|>|<|定性|定量)");
    /** {@link #OPERATOR}'s alternatives in its order (none is the beginning of another). */
    private static final List<String> OPERATORS = List.of("≥", "≤", "=", ">", "<", "定性", "定量");
    /** The labels whose following value {@link #evaluation} reads. */
    private static final Set<String> LABELS = Set.of("项目名称", "部门(单位)名称", "自评总分(分)", "总分", "等级", "当年预算",
            "当年预算(万元)", "部门支出预算数");
    /** The first characters of {@link #LABELS}. */
    private static final String LABEL_STARTS = "项部自总等当";
    /** A first cell that ends the indicators. */
    private static final Set<String> END_OF_INDICATORS = Set.of("说明", "备注");
    static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private PerformanceExtractor() {
    }

    public static List<PerformanceEvaluation> extract(List<DisclosureTable> tables) {
        List<PerformanceEvaluation> out = new ArrayList<>();
        for (DisclosureTable table : tables) {
            String kind = switch (table.type()) {
                case "PERFORMANCE_TARGETS" -> "TARGETS";
                case "PERFORMANCE_SELF_EVALUATION" -> "SELF_EVALUATION";
                default -> null;
            };
            if (kind == null || table.emptyExplanation() != null) {
                continue;
            }
            List<List<TableRow>> projects = new ArrayList<>();
            List<TableRow> current = new ArrayList<>();
            // Whether a row of the current project up to {@code checked} has project content: each row read once,
            // not every row of the project again at each row that may start the next.
            boolean content = false;
            int checked = 0;
            String title = norm(table.title() == null ? "-" : table.title());
            for (TableRow row : table.rows()) {
                String first = row.cells().isEmpty() ? "" : norm(row.cells().get(0));
                boolean startsProject = first.equals("项目名称") || first.equals(title);
                for (; startsProject && !content && checked < current.size(); checked++) {
                    content = hasProjectContent(current.get(checked));
                }
                if (startsProject && content) {
                    projects.add(current);
                    current = new ArrayList<>();
                    content = false;
                    checked = 0;
                }
                current.add(row);
            }
            projects.add(current);
            for (List<TableRow> rows : projects) {
                PerformanceEvaluation evaluation = evaluation(table, kind, rows);
                if (evaluation != null) {
                    out.add(evaluation);
                }
            }
        }
        return out;
    }

    /** Whether a cell of the row names a project or its indicators. */
    private static boolean hasProjectContent(TableRow row) {
        for (String cell : row.cells()) {
            String n = norm(cell);
            if (n.equals("项目名称") || n.startsWith("绩效指标") || n.equals("一级指标")) {
                return true;
            }
        }
        return false;
    }

    private static PerformanceEvaluation evaluation(DisclosureTable table, String kind, List<TableRow> rows) {
        Map<String, String> after = valuesAfter(rows);
        String project = valueAfter(after, "项目名称");
        if (project == null) {
            project = valueAfter(after, "部门(单位)名称");
        }
        BigDecimal total = decimal(valueAfter(after, "自评总分(分)"));
        if (total == null) {
            total = decimal(valueAfter(after, "总分"));
        }
        String grade = valueAfter(after, "等级");
        BigDecimal budget = decimal(valueAfter(after, "当年预算"));
        if (budget == null) {
            budget = decimal(valueAfter(after, "当年预算(万元)"));
        }
        if (budget == null) {
            budget = decimal(valueAfter(after, "部门支出预算数"));
        }
        BigDecimal initial = null;
        BigDecimal adjusted = null;
        BigDecimal executed = null;
        String rate = null;
        BigDecimal weight = null;
        BigDecimal score = null;
        for (int r = 0; r < rows.size(); r++) {
            if (!isFundsHeader(rows.get(r).cells())) {
                continue;
            }
            List<String> header = rows.get(r).cells().stream().map(PerformanceExtractor::norm).toList();
            List<String> values = null;
            for (int k = r + 1; k < rows.size() && k <= r + 3; k++) {
                List<String> cells = rows.get(k).cells();
                if (!cells.isEmpty() && norm(cells.get(0)).startsWith("其中") && norm(cells.get(0)).contains("财政拨款")) {
                    values = cells;
                    break;
                }
                if (values == null && cells.size() >= 3) {
                    values = cells;
                }
            }
            if (values == null) {
                break;
            }
            int offset = values.size() == header.size() ? 0 : header.size() - values.size();
            for (int c = 0; c < header.size(); c++) {
                int v = c - offset;
                if (v < 0 || v >= values.size()) {
                    continue;
                }
                String h = header.get(c);
                String value = values.get(v);
                if (h.startsWith("年初预算数")) {
                    initial = decimal(value);
                } else if (h.startsWith("全年") && h.contains("预算数")) {
                    adjusted = decimal(value);
                } else if (h.startsWith("全年执行数")) {
                    executed = decimal(value);
                } else if (h.startsWith("执行率(") || h.equals("执行率")) {
                    rate = value.isEmpty() ? null : value;
                } else if (h.contains("权重") || h.equals("分值")) {
                    weight = decimal(value);
                } else if (h.contains("得分") || h.equals("得分")) {
                    score = decimal(value);
                }
            }
            break;
        }
        List<PerformanceIndicator> indicators = indicators(table, rows);
        if (project == null && indicators.isEmpty() && total == null) {
            return null;
        }
        return new PerformanceEvaluation(table.id(), kind, project, total, grade, budget, initial, adjusted, executed,
                rate, weight, score, indicators);
    }

    /** A row of the funds block's header: a cell beginning 年初预算数 and one beginning 全年执行数 (normalised). */
    private static boolean isFundsHeader(List<String> cells) {
        boolean initial = false;
        boolean executed = false;
        for (String cell : cells) {
            String h = norm(cell);
            initial |= h.startsWith("年初预算数");
            executed |= h.startsWith("全年执行数");
        }
        return initial && executed;
    }

    private static List<PerformanceIndicator> indicators(DisclosureTable table, List<TableRow> rows) {
        List<PerformanceIndicator> out = new ArrayList<>();
        List<String> columns = null;
        int nameIndex = -1;
        int[] under = null;
        for (TableRow row : rows) {
            List<String> cells = row.cells();
            List<String> data = cells;
            if (columns == null) {
                int k = 0;
                while (k < cells.size() && INDICATOR_HEADERS.contains(norm(cells.get(k)))) {
                    k++;
                }
                if (k < 4) {
                    continue;
                }
                List<String> header = cells.subList(0, k).stream().map(PerformanceExtractor::norm).toList();
                int name = header.indexOf("指标名称") >= 0 ? header.indexOf("指标名称") : header.indexOf("三级指标");
                if (name < 0) {
                    continue;
                }
                columns = header;
                nameIndex = name;
                under = IndicatorCells.columnsOf(columns.subList(nameIndex + 1, columns.size()));
                data = cells.subList(k, cells.size());
                if (data.isEmpty()) {
                    continue;
                }
            }
            if (!cells.isEmpty() && END_OF_INDICATORS.contains(norm(cells.get(0)))) {
                break;
            }
            int values = columns.size() - nameIndex - 1;
            for (List<String> printed : chunks(data, columns.size())) {
                List<String> chunk = new ArrayList<>(printed);
                // Trailing layout blanks (tab tables) would shift the right alignment: drop them while they do.
                while (chunk.size() > values + 1 && chunk.get(chunk.size() - 1).isEmpty()
                        && CellKind.isDecimal(chunk.get(chunk.size() - values - 1))) {
                    chunk.remove(chunk.size() - 1);
                }
                if (chunk.size() < values + 1) {
                    continue;
                }
                int nameAt = chunk.size() - values - 1;
                String name = chunk.get(nameAt);
                if (name.isBlank() || CellKind.isDecimal(name)) {
                    continue;
                }
                String level2 = nameAt >= 1 ? chunk.get(nameAt - 1) : null;
                String level1 = nameAt >= 2 ? chunk.get(nameAt - 2) : null;
                if (nameIndex == 1) {
                    level1 = nameAt >= 1 ? chunk.get(nameAt - 1) : null;
                    level2 = null;
                }
                IndicatorCells byColumn = new IndicatorCells(under, chunk.subList(nameAt + 1, chunk.size()));
                String unit = blankToNull(byColumn.value(IndicatorCells.UNIT));
                String operator = blankToNull(byColumn.value(IndicatorCells.OPERATOR));
                String target = blankToNull(byColumn.value(IndicatorCells.TARGET));
                String actual = blankToNull(byColumn.value(IndicatorCells.ACTUAL));
                String deviation = blankToNull(byColumn.value(IndicatorCells.DEVIATION));
                BigDecimal weight = decimal(byColumn.value(IndicatorCells.WEIGHT));
                String scoreRate = blankToNull(byColumn.value(IndicatorCells.SCORE_RATE));
                BigDecimal score = decimal(byColumn.value(IndicatorCells.SCORE));
                if (operator == null && target != null) {
                    operator = operator(target);
                }
                out.add(new PerformanceIndicator(blankToNull(level1), blankToNull(level2), name, unit, operator, target,
                        actual, deviation, weight, scoreRate, score, new Evidence(RowQuote.of(chunk),
                        row.start(), row.end(), table.id(), row.index(), null, null)));
            }
        }
        return out;
    }

    /** The operator a target value begins with ({@link #OPERATOR}'s group 1 by hand), or null. */
    static String operator(String target) {
        for (String op : OPERATORS) {
            if (target.startsWith(op)) {
                return op;
            }
        }
        return null;
    }

    /**
     * An indicator's printed values after its name, aligned with the header's columns after the name column:
     * {@code under[q]} is the column of question {@code q} ({@link #UNIT} … {@link #SCORE}), found once per table by
     * {@link #columnsOf}.
     */
    private record IndicatorCells(int[] under, List<String> values) {

        static final int UNIT = 0;
        static final int OPERATOR = 1;
        static final int TARGET = 2;
        static final int ACTUAL = 3;
        static final int DEVIATION = 4;
        static final int WEIGHT = 5;
        static final int SCORE_RATE = 6;
        static final int SCORE = 7;
        /** The names templates print each question's column under (是否核心, 说明 and the like answer none). */
        private static final String[][] HEADERS = {{"计量单位"}, {"指标性质"}, {"指标值", "年度指标值"},
                {"全年完成值", "实际完成值"}, {"偏离度(%)"}, {"指标权重(分)", "指标权重", "分值"}, {"得分系数(%)", "得分系数"},
                {"指标得分(分)", "得分"}};

        /** Each question's column among {@code columns}: the last printed under one of its names, -1 when none is. */
        static int[] columnsOf(List<String> columns) {
            int[] under = new int[HEADERS.length];
            for (int q = 0; q < HEADERS.length; q++) {
                under[q] = -1;
                for (int c = 0; c < columns.size(); c++) {
                    for (String header : HEADERS[q]) {
                        if (header.equals(columns.get(c))) {
                            under[q] = c;
                        }
                    }
                }
            }
            return under;
        }

        /** The value under question {@code q}'s column; null when no such column is printed. */
        String value(int q) {
            return under[q] < 0 ? null : values.get(under[q]);
        }
    }

    /** One chunk per indicator: the row itself, or, when it is longer than a header row, pieces ended by an empty cell. */
    private static List<List<String>> chunks(List<String> cells, int width) {
        if (cells.size() <= width) {
            return List.of(cells);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String cell : cells) {
            current.add(cell);
            if (cell.isEmpty() && current.size() > 1) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /**
     * Each of {@link #LABELS} printed in a cell (normalised), with the first non-blank cell printed after it, read in
     * one pass over the rows: {@link #valueAfter} asks it for the labels of each project, which scanned every cell
     * once per label. A cell is normalised and looked up only when its first non-space character begins a label.
     */
    private static Map<String, String> valuesAfter(List<TableRow> rows) {
        Map<String, String> after = new HashMap<>();
        for (TableRow row : rows) {
            List<String> cells = row.cells();
            for (int c = 0; c + 1 < cells.size(); c++) {
                String cell = cells.get(c);
                if (!mayBeLabel(cell) || cells.get(c + 1).isBlank()) {
                    continue;
                }
                String label = norm(cell);
                if (LABELS.contains(label)) {
                    after.putIfAbsent(label, cells.get(c + 1));
                }
            }
        }
        return after;
    }

    /** Whether the cell's first character other than a space is one a label of {@link #LABELS} begins with. */
    private static boolean mayBeLabel(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c != ' ') {
                return LABEL_STARTS.indexOf(c) >= 0;
            }
        }
        return false;
    }

    /** The first non-blank cell after a cell reading {@code label} (normalised), stripped; null when there is none. */
    private static String valueAfter(Map<String, String> after, String label) {
        String value = after.get(label);
        return value == null ? null : value.strip();
    }

    /** The cell without spaces, full-width brackets as ASCII; the cell itself (no copy) when it has none of them. */
    static String norm(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '（' || c == '）') {
                return s.replace(" ", "").replace("（", "(").replace("）", ")");
            }
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static BigDecimal decimal(String s) {
        if (s == null) {
            return null;
        }
        String v = s.replace(",", "").strip();
        return CellKind.isDecimal(v) ? new BigDecimal(v) : null;
    }
}
