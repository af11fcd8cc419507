package io.budgetlens.reporting.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The dashboard's words: Chinese here (the default), English in {@code messages/t_en.properties}. Templates read them
 * as {@code {t:key}}, checked when the service is built; the codes stored in the database (kinds, scopes, statuses,
 * severities, categories) are methods of their own, named as the codes, read as {@code {t:message(code)}}. The language comes from the
 * {@code lang} cookie that the toggle sets ({@link DashboardResource}).
 */
@MessageBundle(value = "t", locale = "zh")
public interface Messages {

    @Message("BudgetLens 预决算公开检查")
    String app();

    @Message("总览")
    String overview();

    @Message("问题")
    String findings();

    @Message("上传草稿检查")
    String upload();

    @Message("登录")
    String signIn();

    @Message("English")
    String otherLanguage();

    @Message("状态")
    String status();

    @Message("文件数")
    String documents();

    @Message("按状态")
    String byStatus();

    @Message("按类型和年度")
    String byKindYear();

    @Message("问题按严重程度和类别")
    String bySeverity();

    @Message("各区“三公”经费（万元，部门口径）")
    String threePublicByRegion();

    @Message("问题最多的公开文件")
    String errorsPerDisclosure();

    @Message("最新异常")
    String latestAnomalies();

    @Message("类型")
    String kind();

    @Message("口径")
    String scope();

    @Message("年度")
    String year();

    @Message("地区")
    String region();

    @Message("部门")
    String department();

    @Message("标题")
    String title();

    @Message("发布日期")
    String published();

    @Message("严重程度")
    String severity();

    @Message("类别")
    String category();

    @Message("规则")
    String rule();

    @Message("说明")
    String messageHeading();

    @Message("应为")
    String expected();

    @Message("实际")
    String actual();

    @Message("超出舍入")
    String excess();

    @Message("原文")
    String quote();

    @Message("数量")
    String count();

    @Message("主要数字（万元）")
    String summary();

    @Message("文件正文")
    String text();

    @Message("表格")
    String tables();

    @Message("基本信息")
    String meta();

    @Message("完整性")
    String completeness();

    @Message("版本")
    String versions();

    @Message("未发现问题。")
    String noFindings();

    @Message("历年公开")
    String timeline();

    @Message("跨文件检查")
    String crossFindings();

    @Message("支出合计（万元）")
    String totals();

    @Message("“三公”经费（万元）")
    String threePublic();

    @Message("公务接待费")
    String reception();

    @Message("公务用车")
    String vehicle();

    @Message("因公出国（境）")
    String overseas();

    @Message("机关运行经费")
    String operating();

    @Message("支出合计")
    String expenditure();

    @Message("收入合计")
    String income();

    @Message("错误")
    String errors();

    @Message("警告")
    String warnings();

    @Message("提示")
    String infos();

    @Message("筛选")
    String filter();

    @Message("下载 CSV")
    String downloadCsv();

    @Message("全部")
    String all();

    @Message("选择预算或决算文件（PDF、Excel、Word、HTML、文本或 Markdown）；一份公开分为几个文件（如情况说明和公开表）时一次选择全部文件。默认作为草稿检查，不出现在公开列表中。")
    String uploadHelp();

    @Message("文件")
    String file();

    @Message("作为草稿（不公开）")
    String asDraft();

    @Message("或者：门户网站上的公开页面或文件地址（连同页面所附的文件一起取回）")
    String portalUrl();

    @Message("从网址取回并检查")
    String fetchCheck();

    @Message("上传并检查")
    String check();

    @Message("进度")
    String progress();

    @Message("已接收")
    String received();

    @Message("已解析")
    String parsed();

    @Message("已检查")
    String validated();

    @Message("未识别为预决算文件")
    String rejected();

    @Message("查看文件页面")
    String openPage();

    @Message("删除草稿")
    String deleteDraft();

    @Message("草稿")
    String draft();

    @Message("另一文件")
    String otherDocument();

    @Message("页")
    String page();

    @Message("上一页")
    String previous();

    @Message("下一页")
    String next();

    @Message("未找到")
    String notFound();

    @Message("预算")
    String BUDGET();

    @Message("决算")
    String FINAL_ACCOUNT();

    @Message("部门")
    String DEPARTMENT();

    @Message("单位（本级）")
    String UNIT();

    @Message("错误")
    String ERROR();

    @Message("警告")
    String WARNING();

    @Message("提示")
    String INFO();

    @Message("已接收")
    String RECEIVED();

    @Message("已解析")
    String PARSED();

    @Message("已检查")
    String VALIDATED();

    @Message("未识别")
    String REJECTED();

    @Message("收支平衡")
    String BALANCE();

    @Message("层级合计")
    String HIERARCHY();

    @Message("表间核对")
    String CROSS_TABLE();

    @Message("文表一致")
    String TEXT_VS_TABLE();

    @Message("增减变动")
    String CHANGE();

    @Message("占比")
    String SHARE();

    @Message("推算数")
    String DERIVED();

    @Message("绩效")
    String PERFORMANCE();

    @Message("重复")
    String DUPLICATE();

    @Message("完整性")
    String COMPLETENESS();

    @Message("科目编码")
    String CODE_LIST();

    @Message("跨文件")
    String CROSS_DOCUMENT();

    @Message("筛选条件“{filter}”的值“{value}”无效，可用：{allowed}")
    String badFilter(String filter, String value, String allowed);

    @Message("在原页查看")
    String seeOnPage();

    @Message("第{page}页")
    String pageNumber(int page);

    @Message("第{part}个文件")
    String partNumber(int part);

    @Message("返回文件")
    String backToDocument();

    @Message("下载批注版 PDF")
    String annotatedPdf();

    @Message("问题清单（Excel）")
    String findingsWorkbook();

    @Message("本页的证据框由 BudgetLens 按原文件坐标绘制。")
    String pageNote();
}
