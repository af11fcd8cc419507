package io.budgetlens.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Sample events with every field populated, taken from the Banan 2024 budget of the corpus. */
final class SampleEvents {

    static final String TEXT = "重庆市巴南区政务服务管理办公室 2024年部门预算情况说明\n一般公共服务支出1,084.23万元，较上年增加236.34万元，增长8.47%。";
    static final String ID = DocumentIds.of(TEXT.getBytes(StandardCharsets.UTF_8));
    static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");

    static final DisclosureMeta META = new DisclosureMeta(DisclosureKind.BUDGET, DisclosureScope.DEPARTMENT, 2024,
            "重庆市巴南区政务服务管理办公室 2024年部门预算情况说明", "重庆市巴南区政务服务管理办公室", "105001",
            "重庆市", "巴南区", LocalDate.of(2024, 2, 1), "11500113MB1234567X/2024-00001", "巴南区政务服务管理办公室",
            "023-12345678");

    static final Evidence QUOTE = Evidence.ofText("一般公共服务支出1,084.23万元，较上年增加236.34万元，增长8.47%。", 30, 71);

    private SampleEvents() {
    }

    static DisclosureReceived received() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        return new DisclosureReceived(ID, "text/markdown", "UTF-8", "https://www.cqbn.gov.cn/example", "banan.md",
                bytes.length, ID, AT, Visibility.PUBLIC, bytes);
    }

    static DisclosureParsed parsed() {
        Fact fact = new Fact("f1", "expenditure.function", "一般公共服务支出", new BigDecimal("1084.23"), "万元", 2,
                "CURRENT", FundScope.ALL_FUNDS,
                new Change(new BigDecimal("236.34"), 2, new BigDecimal("8.47"), 2, "增加", 1, "PRIOR_YEAR"),
                new BigDecimal("95.35"), 2, QUOTE);
        DisclosureTable table = new DisclosureTable("t1", "GPB_EXPENDITURE", "一般公共预算财政拨款支出表", "万元",
                List.of(new TableColumn(0, "科目编码", "CODE"), new TableColumn(1, "科目名称", "NAME"),
                        new TableColumn(2, "合计", "TOTAL")),
                List.of(new TableRow(0, "201", "一般公共服务支出", List.of("201", "一般公共服务支出", "1,084.23"), 100, 130),
                        new TableRow(1, "2010306", "政务公开审批", List.of("2010306", "政务公开审批", ""), null, null)),
                null, 90, 200);
        return new DisclosureParsed(ID, ParseStatus.PARSED, "0.1.0", AT, Visibility.PUBLIC, "text/markdown",
                "https://www.cqbn.gov.cn/example", List.of(), META, TEXT,
                List.of(new Section("s1", null, 1, "一", "单位基本情况", 0, 29, false),
                        new Section("s1.1", "s1", 2, "(一)", "职能职责", 10, 29, true)),
                List.of(fact), List.of(table),
                Map.of("expenditure.function.201", new SummaryEntry(new BigDecimal("1084.23"), FundScope.ALL_FUNDS, QUOTE),
                        "three_public.total", new SummaryEntry(new BigDecimal("0"), FundScope.GENERAL_PUBLIC_BUDGET, QUOTE)),
                List.of(new ParseWarning("UNATTRIBUTED_NUMBER", "Number without a known label", QUOTE)),
                List.of(new PerformanceEvaluation("t2", "SELF_EVALUATION", "整体监控", new BigDecimal("95.50"), "优",
                        null, new BigDecimal("3454.53"), new BigDecimal("3027.50"), new BigDecimal("3027.50"), "100",
                        new BigDecimal("10"), new BigDecimal("10"),
                        List.of(new PerformanceIndicator("产出指标", "质量指标", "服务质量达标率", "%", "≥", "90", "92", "2.22",
                                new BigDecimal("10"), "100", new BigDecimal("10"),
                                Evidence.ofCell("t2", 9, 0, "服务质量达标率 | % | ≥ | 90 | 92"))))));
    }

    static Finding finding() {
        return new Finding("CHG-002", Severity.ERROR, Category.CHANGE,
                "“增长8.47%”与所列金额不符:按1,084.23与236.34计算应为27.87%。",
                "The stated growth of 8.47% does not follow from the figures: 236.34 / (1,084.23 − 236.34) gives 27.87%.",
                new Interval(new BigDecimal("27.87"), new BigDecimal("27.86"), new BigDecimal("27.88")),
                new BigDecimal("8.47"), new BigDecimal("19.39"), "%",
                List.of(QUOTE, new Evidence("201 一般公共服务支出 1,084.23", null, null, "t1", 0, 2, ID)));
    }

    static DisclosureValidated validated() {
        return new DisclosureValidated(ID, "0.1.0", "0.1.0", AT, Visibility.PUBLIC,
                List.of(new RuleVerdict("CHG-002", Category.CHANGE, Verdict.BROKEN, 3, 1),
                        new RuleVerdict("BAL-001", Category.BALANCE, Verdict.NOT_APPLICABLE, 0, 0)),
                List.of(finding()), new BigDecimal("0.8750"));
    }

    static AnomalyDetected anomaly() {
        return new AnomalyDetected(ID, "0.1.0", 0, AT, Visibility.PUBLIC, META, finding());
    }

    // ---- contract v1.1: a draft of two PDF parts (narrative + tables), revision 2, every new field populated ----

    static final String PART_A = "a".repeat(64);
    static final String PART_B = "b".repeat(64);
    static final String V11_ID = DocumentIds.ofDraft("officer-7", "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            DocumentIds.ofParts(List.of(PART_B, PART_A)));
    static final Box BOX = new Box(72.0, 700.5, 523.2, 712.5);
    static final Evidence PDF_QUOTE = new Evidence("一般公共服务支出1,084.23万元", 30, 50, null, null, null, null, 3, BOX, 1);

    static DisclosureReceived receivedV11() {
        byte[] first = "%PDF-1.7 narrative".getBytes(StandardCharsets.ISO_8859_1);
        byte[] second = "%PDF-1.7 tables".getBytes(StandardCharsets.ISO_8859_1);
        return new DisclosureReceived(V11_ID, "application/pdf", null, "https://www.example.gov.cn/a.pdf", "a.pdf",
                first.length, PART_A, AT, Visibility.DRAFT, first, 2,
                List.of(new ReceivedPart(PART_A, first.length, "application/pdf", null, "a.pdf",
                                "https://www.example.gov.cn/a.pdf", null),
                        new ReceivedPart(PART_B, second.length, "application/pdf", null, "b.pdf",
                                "https://www.example.gov.cn/b.pdf", second)),
                "officer-7");
    }

    static DisclosureParsed parsedV11() {
        DisclosureParsed v10 = parsed();
        DisclosureTable table = new DisclosureTable("t1", "INCOME_EXPENDITURE_TOTAL", "收支预算总表", "元",
                List.of(new TableColumn(0, "项目名称", "NAME", "INCOME"), new TableColumn(1, "金额", "TOTAL", "INCOME"),
                        new TableColumn(2, "功能科目名称", "NAME", "EXPENDITURE"),
                        new TableColumn(3, "金额", "TOTAL", "EXPENDITURE")),
                List.of(new TableRow(0, null, "一、财政拨款", List.of("一、财政拨款", "276642200.00", "一、一般公共服务支出", ""),
                        120, 150, 1, 2, new Box(36, 500, 800, 512),
                        Arrays.asList(new Box(36, 500, 200, 512), new Box(200, 500, 360, 512),
                                new Box(360, 500, 530, 512), null))),
                null, 110, 160, List.of(1, 2), "公开01表");
        return new DisclosureParsed(V11_ID, ParseStatus.PARSED, "0.4.0", AT, Visibility.DRAFT, "application/pdf",
                "https://www.example.gov.cn/a.pdf", List.of(), META.withTemplateFamily("JIANGSU"), v10.text(),
                v10.sections(), List.of(new Fact("f1", "expenditure.function", "一般公共服务支出",
                        new BigDecimal("1084.23"), "万元", 2, "CURRENT", FundScope.ALL_FUNDS, null, null, null,
                        PDF_QUOTE)),
                List.of(table),
                Map.of("income.total", new SummaryEntry(new BigDecimal("27664.2200"), FundScope.ALL_FUNDS,
                        new Evidence("收入合计 | 276642200.00", 150, 170, "t1", 0, 1, null, 1, BOX, 2),
                        new BigDecimal("276642200.00"), "元")),
                List.of(new ParseWarning("TABLES_ONLY", "Part 2 holds only tables", null)), List.of(), 2,
                List.of(new ParsedPart(PART_A, "a.pdf", "application/pdf", ParsedPart.NARRATIVE, 14, 0, 100),
                        new ParsedPart(PART_B, "b.pdf", "application/pdf", ParsedPart.TABLES, 12, 102, 200)),
                List.of(new PageLayout(1, 1, 595.2, 842.0, 0, 0, 100), new PageLayout(2, 1, 842.0, 595.2, 90, 102, 200)),
                List.of(new TextLine(30, 50, 1, 3, BOX)),
                List.of(new ContentsEntry("第一部分 部门概况", "3", 5, 15)), false, "officer-7");
    }

    static DisclosureValidated validatedV11() {
        Finding f = finding();
        Finding located = new Finding(f.ruleId(), f.severity(), f.category(), f.messageZh(), f.messageEn(),
                f.expected(), f.actual(), f.excess(), f.unit(), List.of(PDF_QUOTE));
        return new DisclosureValidated(V11_ID, "0.2.0", "0.4.0", AT, Visibility.DRAFT,
                List.of(new RuleVerdict("CHG-002", Category.CHANGE, Verdict.BROKEN, 3, 1)), List.of(located),
                new BigDecimal("0.9"), 2, "officer-7");
    }

    static AnomalyDetected anomalyV11() {
        return new AnomalyDetected(V11_ID, "0.2.0", 0, AT, Visibility.DRAFT, META.withTemplateFamily("JIANGSU"),
                validatedV11().findings().get(0), 2, "officer-7");
    }

    static Map<EventSpec, Object> allV11() {
        return Map.of(EventSpec.RECEIVED, receivedV11(), EventSpec.PARSED, parsedV11(), EventSpec.VALIDATED,
                validatedV11(), EventSpec.ANOMALY, anomalyV11());
    }

    static Map<EventSpec, Object> all() {
        return Map.of(EventSpec.RECEIVED, received(), EventSpec.PARSED, parsed(), EventSpec.VALIDATED, validated(),
                EventSpec.ANOMALY, anomaly());
    }
}
