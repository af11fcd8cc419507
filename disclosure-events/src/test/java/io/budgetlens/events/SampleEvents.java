package io.budgetlens.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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

    static Map<EventSpec, Object> all() {
        return Map.of(EventSpec.RECEIVED, received(), EventSpec.PARSED, parsed(), EventSpec.VALIDATED, validated(),
                EventSpec.ANOMALY, anomaly());
    }
}
