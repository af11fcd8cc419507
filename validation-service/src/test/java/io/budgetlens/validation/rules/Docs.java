package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.budgetlens.events.Change;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;
import io.budgetlens.events.Visibility;
import io.budgetlens.testsupport.ParsedBuilder;

/** Small parsed disclosures built by hand for rule tests: tables from rows of printed cells, facts from sentences. */
final class Docs {

    private static final java.util.concurrent.atomic.AtomicInteger IDS = new java.util.concurrent.atomic.AtomicInteger();

    private Docs() {
    }

    static DisclosureTable table(String type, String title, List<String> headers, List<String> roles, String... rows) {
        List<TableColumn> columns = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            columns.add(new TableColumn(c, headers.get(c), roles.get(c)));
        }
        List<TableRow> tableRows = new ArrayList<>();
        for (String row : rows) {
            List<String> cells = Arrays.stream(row.split("\\|", -1)).map(String::strip).toList();
            String code = cells.get(0).matches("\\d{3,7}") ? cells.get(0) : null;
            String name = code == null ? cells.get(0) : cells.get(1);
            tableRows.add(new TableRow(tableRows.size(), code, name, cells, 0, 0));
        }
        return new DisclosureTable("t1", type, title, "万元", columns, tableRows, null, 0, 0);
    }

    /** A table as printed (a text block): its header line, a line of column roles, then its rows; cells split at |. */
    static DisclosureTable printed(String type, String title, String text) {
        List<String> lines = text.lines().toList();
        return table(type, title, cells(lines.get(0)), cells(lines.get(1)),
                lines.subList(2, lines.size()).toArray(String[]::new));
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|", -1)).map(String::strip).toList();
    }

    static DisclosureTable expenditure(String... rows) {
        return table("GPB_EXPENDITURE", "一般公共预算财政拨款支出表", List.of("科目编码", "科目名称", "总计", "基本支出", "项目支出"),
                List.of("CODE", "NAME", "TOTAL", "BASIC", "PROJECT"), rows);
    }

    static Fact amount(String key, String label, String value, String sentence) {
        BigDecimal v = new BigDecimal(value);
        return new Fact("f", key, label, v, "万元", Math.max(0, v.scale()), "CURRENT", FundScope.GENERAL_PUBLIC_BUDGET,
                null, null, null, Evidence.ofText(sentence, 0, sentence.length()));
    }

    static Fact change(String key, String label, String value, String amount, String percent, String word, int sign,
                       String sentence) {
        BigDecimal v = new BigDecimal(value);
        BigDecimal a = new BigDecimal(amount);
        BigDecimal p = new BigDecimal(percent);
        return new Fact("f", key, label, v, "万元", Math.max(0, v.scale()), "CURRENT", FundScope.ALL_FUNDS,
                new Change(a, Math.max(0, a.scale()), p, Math.max(0, p.scale()), word, sign, "PRIOR_YEAR"), null, null,
                Evidence.ofText(sentence, 0, sentence.length()));
    }

    /** A 2024 budget with nothing in it yet: name what the test is about, then {@code build()}. */
    static ParsedBuilder doc() {
        return ParsedBuilder.parsed().meta(new DisclosureMeta(DisclosureKind.BUDGET, null, 2024, "测试", null, null,
                null, null, null, null, null, null));
    }

    static DisclosureParsed parsed(List<DisclosureTable> tables, List<Fact> facts) {
        return doc().tables(tables).facts(facts).build();
    }

    /** What {@code rule} answers on a document of these tables and no narrative. */
    static Rule.Outcome evaluate(Rule rule, DisclosureTable... tables) {
        return rule.evaluate(parsed(List.of(tables), List.of()));
    }

    /**
     * A narrative fact as the parser states it: key, label, value in 万元 (null for a change only), fund scope, basis
     * (CURRENT, PRIOR_YEAR, INITIAL_BUDGET), an optional change (amount, percent, direction word, base) and the
     * sentence of {@code text} it comes from, with offsets.
     */
    static Fact fact(String text, String sentence, String key, String label, String value, FundScope scope,
                     String basis, String changeAmount, String changePercent, String word, String base) {
        int start = text.indexOf(sentence);
        if (start < 0) {
            throw new IllegalArgumentException("sentence not in text: " + sentence);
        }
        BigDecimal v = value == null ? null : new BigDecimal(value);
        Change change = null;
        if (word != null) {
            BigDecimal a = changeAmount == null ? null : new BigDecimal(changeAmount);
            BigDecimal p = changePercent == null ? null : new BigDecimal(changePercent);
            int sign = word.matches("增加|增长|上升|提高|新增") ? 1 : word.matches("减少|下降|降低") ? -1 : 0;
            change = new Change(a, a == null ? null : Math.max(0, a.scale()), p, p == null ? null : Math.max(0, p.scale()),
                    word, sign, base);
        }
        return new Fact("f" + IDS.incrementAndGet(), key, label, v, "万元", v == null ? 0 : Math.max(0, v.scale()), basis, scope,
                change, null, null, Evidence.ofText(sentence, start, start + sentence.length()));
    }

    static Fact value(String text, String sentence, String key, String label, String value, FundScope scope) {
        return fact(text, sentence, key, label, value, scope, "CURRENT", null, null, null, null);
    }

    static DisclosureParsed narrative(DisclosureKind kind, String text, Fact... facts) {
        DisclosureMeta meta = new DisclosureMeta(kind, null, 2024, "测试单位2024年部门" + (kind == DisclosureKind.BUDGET
                ? "预算" : "决算"), "测试单位", null, null, null, null, null, null, null);
        return new DisclosureParsed("b".repeat(64), ParseStatus.PARSED, "test", Instant.EPOCH, Visibility.PUBLIC,
                "text/plain", null, List.of(), meta, text, List.of(), List.of(facts), List.of(), Map.of(), List.of(),
                List.of());
    }

    static DisclosureParsed withTables(DisclosureParsed d, DisclosureTable... tables) {
        return new DisclosureParsed(d.documentId(), d.status(), d.parserVersion(), d.parsedAt(), d.visibility(),
                d.contentType(), d.sourceUri(), d.rejectionReasons(), d.meta(), d.text(), d.sections(), d.facts(),
                List.of(tables), d.summary(), d.warnings(), d.performance());
    }

    static DisclosureTable unit(DisclosureTable t, String unit) {
        return new DisclosureTable(t.id(), t.type(), t.title(), unit, t.columns(), t.rows(), t.emptyExplanation(),
                t.start(), t.end());
    }
}
