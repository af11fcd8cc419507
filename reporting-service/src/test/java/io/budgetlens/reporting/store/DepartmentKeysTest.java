package io.budgetlens.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureScope;

/**
 * The department key: a budget-unit code is unique only within its region, so two departments of one code in two
 * cities of a province must not share a key (they would be compared as one department's documents).
 */
class DepartmentKeysTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            江苏省南京市教育局;                   江苏省; -;      101; 南京市;       code:南京市:101
            江苏省苏州市教育局;                   江苏省; -;      101; 苏州市;       code:苏州市:101
            湖北省恩施土家族苗族自治州财政局;     湖北省; -;      201; 恩施土家族苗族自治州; code:恩施土家族苗族自治州:201
            江苏省城市管理局;                     江苏省; -;      101; 江苏省;       code:江苏省:101
            江苏省市场监督管理局;                 江苏省; -;      101; 江苏省;       code:江苏省:101
            中共江苏省委办公厅;                   江苏省; -;      101; 江苏省;       code:江苏省:101
            重庆市财政局;                         重庆市; -;      001; 重庆市;       code:重庆市:001
            重庆市秀山土家族苗族自治县行政服务中心; 重庆市; 秀山土家族苗族自治县; 151001; 秀山土家族苗族自治县; code:秀山土家族苗族自治县:151001
            江苏省南京市教育局;                   江苏省; -;      -;   南京市;       name:南京市教育局
            """)
    void regionAndKey(String department, String province, String district, String code, String region, String key) {
        DisclosureMeta meta = new DisclosureMeta(DisclosureKind.BUDGET, DisclosureScope.DEPARTMENT, 2024, null,
                department, code, province, district, null, null, null, null);
        assertThat(DepartmentKeys.region(meta)).isEqualTo(region);
        assertThat(DepartmentKeys.departmentKey(meta)).isEqualTo(key);
    }
}
