package io.budgetlens.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.Fact;
import io.budgetlens.events.TableColumn;
import io.budgetlens.events.TableRow;

/**
 * What the rules share or shortcut for speed gives each rule exactly what it computed before: the scans tried only
 * where a match can begin find the matches a plain {@code Matcher.find()} finds, a table cell read once per validation
 * is the cell read afresh, a paragraph's facts found once are the ones found each time, the hand-written tests are the
 * regexes they replace.
 */
class SharedReadsTest {

    private static final List<String> CORPUS = List.of("banan-2024-budget.md", "jiangjin-2024-final-accounts.txt",
            "qianjiang-2024-budget.txt", "rongchang-2025-unit-budget.txt", "wulong-2020-final-accounts.txt");

    /** Random texts of the characters the patterns read, so that near-misses are frequent. */
    private static List<String> texts(String alphabet, int count, long seed) {
        return texts(alphabet.split(""), count, seed);
    }

    /** Random texts of the words and figures the patterns read, so that matches and near-misses are frequent. */
    private static List<String> texts(String[] tokens, int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                s.append(tokens[random.nextInt(tokens.length)]);
            }
            out.add(s.toString());
        }
        return out;
    }

    /** The texts and the five corpus texts. */
    private static List<String> withCorpus(List<String> texts) throws IOException {
        List<String> out = new ArrayList<>(texts);
        for (String file : CORPUS) {
            out.add(CorpusValidationTest.corpus(file).text());
        }
        return out;
    }

    private static List<String> plain(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(describe(m));
        }
        return out;
    }

    private static List<String> scanned(Scan scan) {
        List<String> out = new ArrayList<>();
        while (scan.find()) {
            out.add(describe(scan.matcher()));
        }
        return out;
    }

    private static String describe(MatchResult m) {
        StringBuilder s = new StringBuilder().append(m.start()).append('-').append(m.end());
        for (int g = 1; g <= m.groupCount(); g++) {
            s.append('|').append(m.group(g));
        }
        return s.toString();
    }

    @Test
    void numbersBeforeAnAnchorFindWhatFindFinds() throws IOException {
        String[] tokens = {"0", "7", "12", "1,234", "3.5", ".", ",", " ", "\n", "项", "个", "项目", "个团组", "涉及资金",
            "万元", "万 元", "万\n元", "万  元", "本部门无此项", "本单位没有此项", "无", "为", "。", ";", "，", "a",
            "与上年一致", "个", "涉及财政性资金合计", "万元,", "本部门无此项", "本", "部门", "无此项"};
        int[] matches = new int[3];
        for (String text : withCorpus(texts(tokens, 60_000, 15))) {
            List<String> counts = plain(BoundRule.COUNT_AMOUNT, text);
            assertThat(scanned(BoundRule.countAmounts(text))).as(text)
                    .isEqualTo(counts);
            assertThat(scanned(Scan.numbersBefore(BoundRule.ZERO_PROJECTS_FUNDS, text, "项", "个"))).as(text)
                    .isEqualTo(plain(BoundRule.ZERO_PROJECTS_FUNDS, text));
            List<String> none = plain(BoundRule.NONE_STATED, text);
            assertThat(scanned(BoundRule.noneStated(text))).as(text).isEqualTo(none);
            List<String> amounts = plain(ListedSumRule.AMOUNT, text);
            assertThat(scanned(ListedSumRule.amounts(text))).as(text).isEqualTo(amounts);
            matches[0] += counts.size();
            matches[1] += none.size();
            matches[2] += amounts.size();
        }
        assertThat(Math.min(matches[0], Math.min(matches[1], matches[2])))
                .as("the random texts hold matches of each pattern, not only misses: %s", Arrays.toString(matches))
                .isGreaterThan(100);
    }

    @Test
    void startsBeforeAWordFindWhatFindFinds() throws IOException {
        String[] tokens = {"增加", "增", "减少", "下降", "大于", "低于", "预算", "预算数", "的", "主要", "原因", "原", ",", "。",
            "上升", "高"};
        int matches = 0;
        for (String text : withCorpus(texts(tokens, 20_000, 16))) {
            List<String> expected = plain(ComparisonWordRule.CAUSE_DIRECTION, text);
            assertThat(scanned(Scan.before(ComparisonWordRule.CAUSE_DIRECTION, text, "原因", 8, "增上提减下降大小高低")))
                    .as(text).isEqualTo(expected);
            matches += expected.size();
        }
        assertThat(matches).isGreaterThan(100);
    }

    @Test
    void theClauseBeforeAFigureIsTheOneTheClauseBreakRegexGave() {
        Pattern clauseBreak = Pattern.compile("(?<!\\d),|,(?!\\d)|[:;、。]");
        for (String before : texts("12,,:;、。ab增", 50_000, 17)) {
            int cut = clauseBreak.matcher(before).results().mapToInt(MatchResult::end)
                    .filter(end -> end < before.length()).max().orElse(0);
            assertThat(ListedSumRule.clause(before)).as(before).isEqualTo(before.substring(cut));
        }
    }

    @Test
    void aNumberByHandIsWhatTheNumberRegexMatches() {
        Pattern number = Pattern.compile("\\d+(\\.\\d+)?");
        for (String s : texts("12.. a%", 50_000, 18)) {
            assertThat(PerformanceTableRule.isNumber(s)).as(s).isEqualTo(number.matcher(s).matches());
        }
    }

    @Test
    void aCellReadOnceInAValidationIsTheCellReadAfresh() throws IOException {
        int cells = 0;
        for (String file : CORPUS) {
            DisclosureParsed d = CorpusValidationTest.corpus(file);
            List<Object[]> reads = new ArrayList<>();
            for (DisclosureTable t : d.tables()) {
                for (TableRow row : t.rows()) {
                    for (TableColumn c : t.columns()) {
                        reads.add(new Object[] {t, row, c});
                    }
                }
            }
            // outside a validation every read is made afresh
            List<Quantity> afresh = reads.stream().map(r -> TableRules.cell((DisclosureTable) r[0], (TableRow) r[1],
                    (TableColumn) r[2])).toList();
            int read = DocumentScope.during(d, () -> {
                for (int i = 0; i < reads.size(); i++) {
                    Object[] r = reads.get(i);
                    Quantity first = TableRules.cell((DisclosureTable) r[0], (TableRow) r[1], (TableColumn) r[2]);
                    Quantity again = TableRules.cell((DisclosureTable) r[0], (TableRow) r[1], (TableColumn) r[2]);
                    assertThat(first).as("%s %s", file, r[1]).isEqualTo(afresh.get(i));
                    assertThat(again).as("read once: the same quantity").isSameAs(first);
                }
                return reads.size();
            });
            cells += read;
        }
        assertThat(cells).isGreaterThan(1_000);
    }

    @Test
    void aParagraphsFactsFoundOnceAreTheOnesFoundEachTime() throws IOException {
        for (String file : CORPUS) {
            DisclosureParsed d = CorpusValidationTest.corpus(file);
            DocumentScope.during(d, () -> {
                Narrative n = Narrative.of(d);
                String text = n.text();
                for (Fact anchor : n.facts()) {
                    if (anchor.evidence() == null || anchor.evidence().start() == null) {
                        continue;
                    }
                    int start = text.lastIndexOf('\n', Math.max(0, anchor.evidence().start() - 1)) + 1;
                    int end = text.indexOf('\n', anchor.evidence().start());
                    int stop = end < 0 ? text.length() : end;
                    List<Fact> expected = n.facts().stream().filter(f -> f.evidence() != null
                            && f.evidence().start() != null && f.evidence().start() >= start
                            && f.evidence().start() < stop).toList();
                    assertThat(n.sameParagraph(anchor)).as("%s %s", file, anchor.label()).isEqualTo(expected);
                }
                return null;
            });
        }
    }

    @Test
    void twoKindsOfViewOfOneTableAreKeptApart() throws IOException {
        DisclosureParsed d = CorpusValidationTest.corpus("rongchang-2025-unit-budget.txt");
        DisclosureTable table = d.tables().get(0);
        DocumentScope.during(d, () -> {
            assertThat(TableColumns.groupsOf(table)).isEqualTo(TableColumns.groups(table));
            assertThat(DuplicateRowRule.withoutDuplicates(table)).isNotEmpty()
                    .isSameAs(DuplicateRowRule.withoutDuplicates(table));
            assertThat(TableColumns.groupsOf(table)).isSameAs(TableColumns.groupsOf(table))
                    .isEqualTo(TableColumns.groups(table));
            return null;
        });
    }

    @Test
    void regexesTriedAtTheirFirstCharactersFindWhatFindFinds() throws IOException {
        String[] tokens = {"决算数", "决算", "支出数", "执行数", "实际支出", "大于", "小于", "等于", "持平", "与年初预算数一致",
            "预算数", "年初", " ", "附件", ":", "表", "\n", "一般公共", "。", "因公出国", "(境)", "0", "3", "个团组", "团组",
            "公务用车购置", "公务车购置", "辆", "公务接待", "批次", "公"};
        int matches = 0;
        for (String text : withCorpus(texts(tokens, 20_000, 19))) {
            for (Object[] q : BoundRule.ZERO_QUANTITIES) {
                Pattern p = (Pattern) q[0];
                assertThat(scanned(new Scan(p, text, p.pattern().substring(0, 1)))).as(text).isEqualTo(plain(p, text));
                matches += plain(p, text).size();
            }
            List<String> versus = plain(ComparisonWordRule.VERSUS, text);
            assertThat(scanned(new Scan(ComparisonWordRule.VERSUS, text, "决支执实"))).as(text).isEqualTo(versus);
            assertThat(scanned(new Scan(CompletenessRule.ATTACHMENT, text, "附"))).as(text)
                    .isEqualTo(plain(CompletenessRule.ATTACHMENT, text));
            matches += versus.size();
        }
        assertThat(matches).isGreaterThan(100);
    }

    @Test
    void aPageReferenceStrippedByHandIsWhatTheRegexStrips() throws IOException {
        List<String> headings = new ArrayList<>(texts("一二、章 \t\n\r\u000B\f.…·09a", 50_000, 20));
        for (String file : CORPUS) {
            CorpusValidationTest.corpus(file).sections().forEach(x -> headings.add(x.number() + x.title()));
        }
        for (String h : headings) {
            assertThat(CompletenessRule.withoutPageReference(h)).as(h)
                    .isEqualTo(CompletenessRule.PAGE_REFERENCE.matcher(h).replaceAll(""));
        }
    }

    /** Every cell of the corpus and random cells of the words the cell tests read. */
    private static List<String> cells(String[] tokens, long seed) throws IOException {
        List<String> cells = new ArrayList<>(texts(tokens, 20_000, seed));
        for (String file : CORPUS) {
            for (DisclosureTable t : CorpusValidationTest.corpus(file).tables()) {
                t.rows().forEach(r -> cells.addAll(r.cells()));
            }
        }
        return cells;
    }

    @Test
    void cellWordTestsAgreeWithTheRegexesTheyStandFor() throws IOException {
        String[] tokens = {"预留机动经费", "预留", "事业单位", "经营支出", "经营", "上缴上级支出", "上缴", "对附属单位补助支出",
            "附属单位", "部门", "(", "（", "单位", ")", "名称", "编制单位", "编制", "支出", " "};
        int otherUses = 0;
        int names = 0;
        for (String cell : cells(tokens, 21)) {
            boolean otherUse = Composition.OTHER_USE.matcher(cell).find();
            assertThat(TextHygiene.containsAny(cell, Composition.OTHER_USE_IN_CELLS)).as(cell).isEqualTo(otherUse);
            String name = cell.replace(" ", "");
            boolean nameCell = DepartmentNameRule.NAME_CELL.matcher(name).find();
            if (nameCell) {
                assertThat(name.contains("名称") || name.contains("编制单位")).as(name).isTrue();
            }
            otherUses += otherUse ? 1 : 0;
            names += nameCell ? 1 : 0;
        }
        assertThat(otherUses).isGreaterThan(100);
        assertThat(names).isGreaterThan(100);
    }

    @Test
    void aKeysFactsAreTheFactsFilteredByKey() throws IOException {
        int keys = 0;
        for (String file : CORPUS) {
            DisclosureParsed d = CorpusValidationTest.corpus(file);
            Narrative n = Narrative.of(d);
            java.util.Set<String> all = new java.util.LinkedHashSet<>();
            n.facts().forEach(f -> all.add(f.key()));
            all.add("no.such.key");
            for (String key : all) {
                assertThat(n.byKey(key)).as("%s %s", file, key)
                        .isEqualTo(n.facts().stream().filter(f -> f.key().equals(key)).toList());
                keys++;
            }
        }
        assertThat(keys).isGreaterThan(50);
    }

    @Test
    void aCheckThatHoldsExactlyHoldsAfterTheDivision() {
        Random random = new Random(22);
        int holding = 0;
        for (int i = 0; i < 50_000; i++) {
            java.math.BigDecimal denominator = java.math.BigDecimal.valueOf(1 + random.nextInt(2_000), random.nextInt(3));
            java.math.BigDecimal stated = java.math.BigDecimal.valueOf(random.nextInt(20_000), random.nextInt(4));
            // half of the numerators are stated × denominator (the check holds), the others near it
            java.math.BigDecimal numerator = stated.multiply(denominator)
                    .add(random.nextBoolean() ? java.math.BigDecimal.ZERO : java.math.BigDecimal.valueOf(random.nextInt(3) - 1, 2));
            java.math.BigDecimal quotient = numerator.divide(denominator, Quantity.DIVISION);
            boolean exact = PerformanceTableRule.holdsExactly(stated, numerator, denominator);
            if (exact) {
                assertThat(quotient.compareTo(stated)).as("%s / %s", numerator, denominator).isZero();
                holding++;
            } else {
                assertThat(numerator.compareTo(stated.multiply(denominator))).isNotZero();
            }
        }
        assertThat(holding).isGreaterThan(10_000);
    }

    @Test
    void theHalfUnitOfAPrintedFigureIsTheDivisionsValue() {
        for (int decimals = 0; decimals < 20; decimals++) {
            java.math.BigDecimal value = java.math.BigDecimal.valueOf(12_345, decimals);
            java.math.BigDecimal half = java.math.BigDecimal.ONE.movePointLeft(decimals)
                    .divide(java.math.BigDecimal.valueOf(2));
            Quantity q = Quantity.printed(value, decimals, "x", null);
            // equals, not compareTo: the same scale, as the findings print the bounds
            assertThat(q.high()).as("%d decimals", decimals).isEqualTo(value.add(half));
            assertThat(q.low()).isEqualTo(value.subtract(half));
        }
    }

    @Test
    void aClausesDirectionByHandIsTheOneItsLastRegexMatchesGive() {
        int directed = 0;
        for (String clause : texts(new String[] {"增", "加", "新", "追", "减", "少", "下", "降", "低", "长", "上", "升", "提",
            "高", "节", "约", "压", "a"}, 100_000, 23)) {
            int lastUp = ListedSumRule.UP.matcher(clause).results().mapToInt(MatchResult::start).max().orElse(-1);
            int lastDown = ListedSumRule.DOWN.matcher(clause).results().mapToInt(MatchResult::start).max().orElse(-1);
            int expected = lastUp < 0 && lastDown < 0 ? 0 : lastUp > lastDown ? 1 : -1;
            assertThat(ListedSumRule.direction(clause)).as(clause).isEqualTo(expected);
            directed += expected != 0 ? 1 : 0;
        }
        assertThat(directed).isGreaterThan(10_000);
    }

    @Test
    void aSumsLabelJoinedWhenReadIsTheConcatenationOfItsOperandsLabels() {
        Random random = new Random(24);
        String[] labels = {"a", "101 教育支出/合计", "", null, "人员经费"};
        for (int t = 0; t < 5_000; t++) {
            Quantity q = Quantity.printed(java.math.BigDecimal.valueOf(5 + random.nextInt(100), 1), 1, labels[0], null);
            String expected = labels[0];
            for (int step = random.nextInt(12); step > 0; step--) {
                String label = labels[random.nextInt(labels.length)];
                Quantity other = Quantity.printed(java.math.BigDecimal.valueOf(5 + random.nextInt(100), 1), 1, label, null);
                switch (random.nextInt(7)) {
                    case 0 -> { q = q.plus(other); expected = expected + " + " + label; }
                    case 1 -> { q = q.minus(other); expected = expected + " − " + label; }
                    case 2 -> { q = q.percentOf(other); expected = expected + " / " + label; }
                    case 3 -> { q = other.plus(q); expected = label + " + " + expected; }
                    case 4 -> q = random.nextBoolean() ? q.negate() : q.times(java.math.BigDecimal.TEN);
                    case 5 -> q = q.withEvidence(io.budgetlens.events.Evidence.ofText("x", 0, 1));
                    default -> {
                        // read once in the middle: a label read early and the sums made of it after
                        assertThat(q.label()).isEqualTo(expected);
                    }
                }
            }
            assertThat(q.label()).isEqualTo(expected);
            assertThat(q.withLabel("w").label()).isEqualTo("w");
        }
        Quantity column = Quantity.exact(java.math.BigDecimal.ONE, "r0");
        StringBuilder expected = new StringBuilder("r0");
        for (int r = 1; r < 100_000; r++) {
            column = column.plus(Quantity.exact(java.math.BigDecimal.ONE, "r" + r));
            expected.append(" + r").append(r);
        }
        assertThat(column.label()).as("a sum of 100,000 cells: no recursion along its operands")
                .isEqualTo(expected.toString());
        // a table cell's label: its row's, "/" and its column's header (a header not printed reads "null", as before)
        Quantity cell = Quantity.parse("1,137.10", "2010101 行政运行", "/", "合计", null);
        assertThat(cell.label()).isEqualTo("2010101 行政运行/合计");
        assertThat(Quantity.parse("", "row 3", "/", null, null).plus(cell).negate().label())
                .isEqualTo("row 3/null + 2010101 行政运行/合计");
        assertThat(cell).isEqualTo(Quantity.parse("1,137.10", "2010101 行政运行/合计", null));
        // equal as the record was: by value, bounds, decimals, label and evidence
        Quantity lazy = Quantity.parse("1.5", "a", null).plus(Quantity.parse("2", "b", null));
        Quantity eager = new Quantity(lazy.value(), lazy.low(), lazy.high(), lazy.decimals(), "a + b", null);
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString())
                .isNotEqualTo(eager.withLabel("a+b"));
        assertThat(eager).isEqualTo(lazy);
    }

    @Test
    void aPerformanceTablesRowsReadOnceAreTheRowsReadEachTime() throws IOException {
        int tables = 0;
        for (String file : CORPUS) {
            for (DisclosureTable t : CorpusValidationTest.corpus(file).tables()) {
                PerformanceTableRule.Rows rows = PerformanceTableRule.rows(t);
                for (int r = 0; r < t.rows().size(); r++) {
                    List<String> cells = t.rows().get(r).cells();
                    String head = cells.isEmpty() ? "" : cells.get(0).replace(" ", "");
                    assertThat(rows.opensBlock()[r]).as("%s row %d", t.id(), r).isEqualTo(head.contains("项目名称")
                            || head.startsWith("说明") || head.contains("自评表") || head.contains("目标表")
                            || head.contains("编制单位"));
                    assertThat(rows.numbers()[r]).isEqualTo(PerformanceTableRule.numericCells(t.rows().get(r)));
                }
                tables++;
            }
        }
        assertThat(tables).isGreaterThan(10);
    }

    @Test
    void aNumericCellBesidesItsPercentSignsIsWhatTheStringsMadeGave() {
        int numbers = 0;
        for (String cell : texts(new String[] {"0", "5", "12", ".", "%", " ", "\u3000", "\u00a0", "\t", "a", "-", ","},
                100_000, 25)) {
            boolean expected = PerformanceTableRule.isNumber(cell.replace("%", "").strip());
            assertThat(PerformanceTableRule.isNumberBesidesPercent(cell)).as("“%s”", cell).isEqualTo(expected);
            numbers += expected ? 1 : 0;
        }
        assertThat(numbers).isGreaterThan(1_000);
    }
}
