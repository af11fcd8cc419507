package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.budgetlens.events.DisclosureMeta;

/**
 * The region of a department, which is part of its identity: a budget-unit code (105, 151001) is unique only within
 * its region, so a department whose county is missed is compared with other counties' departments of the same code.
 * Names from across China: autonomous counties and banners with long names, prefectures before the county, and
 * names with digits.
 */
class RegionAndDepartmentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            重庆市秀山土家族苗族自治县行政服务中心;     重庆市;       秀山土家族苗族自治县
            重庆市彭水苗族土家族自治县财政局;           重庆市;       彭水苗族土家族自治县
            重庆市酉阳土家族苗族自治县大数据发展局;     重庆市;       酉阳土家族苗族自治县
            重庆市石柱土家族自治县政务服务管理办公室;   重庆市;       石柱土家族自治县
            云南省双江拉祜族佤族布朗族傣族自治县教育体育局; 云南省;   双江拉祜族佤族布朗族傣族自治县
            湖北省恩施土家族苗族自治州来凤县财政局;     湖北省;       恩施土家族苗族自治州来凤县
            内蒙古自治区鄂尔多斯市鄂托克旗财政局;       内蒙古自治区; 鄂尔多斯市鄂托克旗
            上海市普陀区委社会工作部;                   上海市;       普陀区
            重庆市江津区城市管理局;                     重庆市;       江津区
            重庆市丰都县12345政务服务便民热线中心;      重庆市;       丰都县
            """)
    void countyOfADepartmentNamedInTheTitle(String department, String province, String district) {
        DisclosureMeta meta = MetadataExtractor.extract(department + "2024年部门预算情况说明\n一、部门基本情况\n");
        assertThat(meta.department()).isEqualTo(department);
        assertThat(meta.province()).isEqualTo(province);
        assertThat(meta.district()).isEqualTo(district);
    }

    /**
     * A final-accounts page with no title line (the Jiangjin sample's shape) of an office whose name has digits: the
     * department is that office, not a phrase of its functions text ("区委区政府转变政府职能" once passed for one, in
     * the county "区委区").
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            丰都县;                 12345政务服务便民热线中心
            秀山土家族苗族自治县;   行政服务中心
            """)
    void officeOfAPageWithoutTitle(String county, String office) throws IOException {
        String sample = Files.readString(Path.of("..", "samples", "jiangjin-2024-final-accounts.txt"),
                StandardCharsets.UTF_8);
        String text = sample.replace("江津区政务服务管理办公室", county + office).replace("江津区", county);
        DisclosureParser parser = new DisclosureParser(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        DisclosureMeta meta = parser.parse(DisclosureParserTest.received(text.getBytes(StandardCharsets.UTF_8),
                "text/plain")).meta();
        assertThat(meta.district()).isEqualTo(county);
        assertThat(meta.department()).endsWith(county + office);
        assertThat(meta.budgetUnitCode()).isEqualTo("105");
    }

    /**
     * A page with no title, no 部门/单位 label and no portal header: the department is the first phrase of the text
     * that names an organisation, never a duty of its functions list that happens to end in 中心 or 政府 (once
     * "负责区级行政服务中心" became the department, in the "county" 负责区).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            1.负责区级行政服务中心工作人员的日常管理。;                 重庆市武隆区政务服务管理办公室
            1.贯彻落实市委市政府决策部署。;                             重庆市武隆区政务服务管理办公室
            1.依法查处进入区公共资源综合交易中心的违法行为。;           重庆市武隆区政务服务管理办公室
            1.指导全区政务服务中心建设。;                               重庆市武隆区政务服务管理办公室
            1.组织实施全县行政审批制度改革,将县行政服务中心纳入管理。; 重庆市武隆区政务服务管理办公室
            """)
    void dutiesOfTheFunctionsTextAreNotTheDepartment(String duty, String department) {
        String text = "一、部门基本情况\n(一)职能职责\n" + duty + "\n2.负责招商引资服务保障工作。\n"
                + "(二)机构设置\n" + department + "为区政府工作部门。\n二、2020年决算情况说明\n";
        DisclosureMeta meta = MetadataExtractor.extract(text);
        assertThat(meta.department()).isEqualTo(department);
        assertThat(meta.province()).isEqualTo("重庆市");
        assertThat(meta.district()).isEqualTo("武隆区");
    }

    /** Only duties and no organisation's name: no department rather than a wrong one (a wrong one is another identity). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            5.推进三级政务服务体系建设,负责区级行政服务中心工作人员的日常管理。
            9.依法查处进入区公共资源综合交易中心的违法违规行为,将区行政服务中心纳入考核。
            """)
    void noDepartmentRatherThanADuty(String duty) {
        DisclosureMeta meta = MetadataExtractor.extract("(一)职能职责\n" + duty + "\n二、2020年决算情况说明\n");
        assertThat(meta.department()).isNull();
        assertThat(meta.district()).isNull();
    }

    /**
     * The portal header's 发布机构 names who published the page: it wins over a phrase of the text, and a county with
     * a one-character name (滑县) counts when the text names it after its province or city.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            |发布机构|江津区政务服务管理办公室|;      贯彻落实市委市政府决策部署。;            江津区政务服务管理办公室
            |索引号|11500116MB1234567X/2025-00001|; 河南省安阳市滑县财政局负责全县财政工作。; 河南省安阳市滑县财政局
            |索引号|65010000-2025-00002|;          乌鲁木齐市教育局负责全市教育工作。;      乌鲁木齐市教育局
            |索引号|41052600-2025-00003|;          滑县财政局是县政府组成部门,属河南省安阳市滑县。; 滑县财政局
            """)
    void publisherOrANamedCounty(String header, String sentence, String department) {
        DisclosureMeta meta = MetadataExtractor.extract(header + "\n(一)职能职责\n" + sentence
                + "\n二、2025年决算情况说明\n");
        assertThat(meta.department()).isEqualTo(department);
    }

    /**
     * Tables whose titles open with the department ("…办公室本级2025年财政拨款收支总表") name it for a page that has no
     * title line and no header: they win over a phrase of the functions text.
     */
    @Test
    void departmentOfTheTablesTitles() {
        String text = "(一)职能职责\n1.贯彻落实市委市政府决策部署,负责区级行政服务中心的管理。\n二、2025年预算情况说明\n";
        DisclosureMeta meta = MetadataExtractor.extract(text, ContentsDetector.Contents.NONE, Arrays.asList(
                "重庆市武隆区政务服务管理办公室本级2025年财政拨款收支总表", null, "一般公共预算支出表",
                "重庆市武隆区政务服务管理办公室本级2025年一般公共预算“三公”经费支出表"));
        assertThat(meta.department()).isEqualTo("重庆市武隆区政务服务管理办公室本级");
        assertThat(meta.district()).isEqualTo("武隆区");
    }
}
