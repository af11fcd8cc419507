package io.budgetlens.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Finding;
import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.validation.rules.RuleEngine;

/**
 * Parser and rules together on printed text: the errors GovBudgetChecker plants in its deliberately broken sample
 * (决算数大于预算数 when 1511.89 < 1560.05, 等于 when 60.99 ≠ 62.29, a total of 0 万元, a heading with “XX局”, a 2023
 * heading in a 2024 document) and the issue's own examples on the samples (Jiangjin's 三公 change against the initial
 * budget, Wulong's 较年初预算数增加15.66万元, Qianjiang's stated-twice figures), each found and quoting its sentence.
 */
class BrokenSampleTest {

    private final RuleEngine engine = RuleEngine.standard(Clock.systemUTC());

    static final String BROKEN = """
            XX局2024年度部门决算
            一、部门基本情况
            (一)职能职责
            负责本区政务服务工作。
            二、2023年度部门决算情况说明
            (一)收入支出决算总体情况说明
            2024年度收入总计0万元,支出总计1511.89万元。
            (二)一般公共预算财政拨款支出决算情况说明
            2024年度一般公共预算财政拨款支出年初预算为1560.05万元,支出决算为1511.89万元,决算数大于预算数,主要原因是\
            项目执行进度加快。
            三、“三公”经费情况说明
            2024年度“三公”经费年初预算数为62.29万元,支出决算为60.99万元,决算数等于预算数。
            四、其他需要说明的事项
            机关运行经费支出 万元。政府采购支出总额10万元。国有资产占用情况:截至2024年12月31日,共有车辆1辆。
            """;

    private List<Finding> anomalies(String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        DisclosureParsed parsed = Samples.parse("broken.txt", content);
        return engine.validate(parsed).findings().stream().filter(f -> f.severity().isAnomaly()).toList();
    }

    @Test
    void theErrorsOfABrokenSampleAreFound() {
        List<Finding> findings = anomalies(BROKEN);
        assertThat(findings).filteredOn(f -> f.ruleId().equals("CMP-001")).extracting(Finding::messageZh)
                .anySatisfy(m -> assertThat(m).contains("决算数大于预算数", "1511.89", "1560.05"))
                .anySatisfy(m -> assertThat(m).contains("决算数等于预算数", "60.99", "62.29"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("HYG-001")).extracting(Finding::messageZh)
                .anySatisfy(m -> assertThat(m).contains("XX"))
                .anySatisfy(m -> assertThat(m).contains("机关运行经费支出 万元"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("HYG-002")).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("收入总计", "为0万元"));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("HYG-003")).singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("2023年度部门决算情况说明"));
        assertThat(findings).allSatisfy(f -> assertThat(f.evidence()).isNotEmpty());
    }

    /** A sample with one printed figure replaced (the first occurrence after the given words). */
    private List<Finding> changed(String file, String words, String from, String to) {
        byte[] content = Samples.bytes(file);
        DecodedDocument decoded = Samples.decode(file, content);
        String text = decoded.originalText();
        int at = text.indexOf(from, text.indexOf(words));
        String changed = text.substring(0, at) + to + text.substring(at + from.length());
        DisclosureParsed parsed = Samples.parse(file, changed.getBytes(StandardCharsets.UTF_8));
        return engine.validate(parsed).findings().stream().filter(f -> f.severity().isAnomaly()
                && f.evidence().stream().anyMatch(e -> e.quote() != null && e.quote().contains(to))).toList();
    }

    @Test
    void theIssuesExamplesOnTheSamples() {
        assertThat(changed("jiangjin-2024-final-accounts.txt", "“三公”经费支出共计", "1.18", "8.18"))
                .extracting(Finding::ruleId).contains("CHG-001");
        assertThat(changed("wulong-2020-final-accounts.txt", "较年初预算数 增加", "15.66", "22.66"))
                .extracting(Finding::ruleId).contains("CHG-001", "NAR-002");
        assertThat(changed("qianjiang-2024-budget.txt", "(二)支出预算", "住房保障18.97", "住房保障25.97"))
                .extracting(Finding::ruleId).contains("NAR-001");
        assertThat(changed("qianjiang-2024-budget.txt", "三、部门预算情况说明", "基本支出358.68", "基本支出365.68"))
                .extracting(Finding::ruleId).contains("NAR-001");
        assertThat(changed("banan-2024-budget.md", "## 部门收支总表", "25.89", "32.89"))
                .extracting(Finding::ruleId).contains("TBL-001");
        assertThat(changed("wulong-2020-final-accounts.txt", "优化营商环境经费 |", "3.98", "10.98"))
                .extracting(Finding::ruleId).contains("PERF-002");
    }
}
