package io.budgetlens.reporting.web;

import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard's words in Chinese (the default) and English. Templates read them as {@code {t.key}}; the language
 * comes from the {@code lang} cookie that the toggle sets.
 */
public final class I18n {

    private static final String[][] WORDS = {
            {"app", "BudgetLens 预决算公开检查", "BudgetLens disclosure checks"},
            {"overview", "总览", "Overview"},
            {"findings", "问题", "Findings"},
            {"upload", "上传草稿检查", "Check a draft"},
            {"switch", "English", "中文"},
            {"status", "状态", "Status"},
            {"documents", "文件数", "Documents"},
            {"byStatus", "按状态", "By status"},
            {"byKindYear", "按类型和年度", "By kind and year"},
            {"bySeverity", "问题按严重程度和类别", "Findings by severity and category"},
            {"threePublicByRegion", "各区“三公”经费（万元，部门口径）", "“三公” spending per district (万元, department scope)"},
            {"errorsPerDisclosure", "问题最多的公开文件", "Disclosures with the most findings"},
            {"latestAnomalies", "最新异常", "Latest anomalies"},
            {"kind", "类型", "Kind"},
            {"scope", "口径", "Scope"},
            {"year", "年度", "Year"},
            {"region", "地区", "Region"},
            {"department", "部门", "Department"},
            {"title", "标题", "Title"},
            {"published", "发布日期", "Published"},
            {"severity", "严重程度", "Severity"},
            {"category", "类别", "Category"},
            {"rule", "规则", "Rule"},
            {"message", "说明", "Message"},
            {"expected", "应为", "Expected"},
            {"actual", "实际", "Found"},
            {"excess", "超出舍入", "Beyond rounding"},
            {"quote", "原文", "Quote"},
            {"count", "数量", "Count"},
            {"summary", "主要数字（万元）", "Key figures (万元)"},
            {"text", "文件正文", "Document text"},
            {"tables", "表格", "Tables"},
            {"meta", "基本信息", "About this disclosure"},
            {"completeness", "完整性", "Completeness"},
            {"versions", "版本", "Versions"},
            {"noFindings", "未发现问题。", "No findings."},
            {"timeline", "历年公开", "Disclosures over the years"},
            {"crossFindings", "跨文件检查", "Cross-document findings"},
            {"totals", "支出合计（万元）", "Total expenditure (万元)"},
            {"threePublic", "“三公”经费（万元）", "“三公” (万元)"},
            {"reception", "公务接待费", "Receptions"},
            {"vehicle", "公务用车", "Vehicles"},
            {"overseas", "因公出国（境）", "Overseas travel"},
            {"operating", "机关运行经费", "Operating expenses"},
            {"expenditure", "支出合计", "Total expenditure"},
            {"income", "收入合计", "Total income"},
            {"errors", "错误", "Errors"},
            {"warnings", "警告", "Warnings"},
            {"infos", "提示", "Notes"},
            {"filter", "筛选", "Filter"},
            {"downloadCsv", "下载 CSV", "Download CSV"},
            {"all", "全部", "All"},
            {"uploadHelp", "选择预算或决算文件（HTML、文本或 Markdown）。默认作为草稿检查，不出现在公开列表中。",
                    "Choose a budget or final-account document (HTML, text or Markdown). It is checked as a draft by "
                            + "default and stays out of public lists."},
            {"file", "文件", "File"},
            {"asDraft", "作为草稿（不公开）", "As a draft (not public)"},
            {"check", "上传并检查", "Upload and check"},
            {"progress", "进度", "Progress"},
            {"received", "已接收", "Received"},
            {"parsed", "已解析", "Parsed"},
            {"validated", "已检查", "Validated"},
            {"rejected", "未识别为预决算文件", "Not recognised as a disclosure"},
            {"openPage", "查看文件页面", "Open the disclosure page"},
            {"deleteDraft", "删除草稿", "Delete draft"},
            {"draft", "草稿", "Draft"},
            {"otherDocument", "另一文件", "the other document"},
            {"page", "页", "Page"},
            {"previous", "上一页", "Previous"},
            {"next", "下一页", "Next"},
            {"notFound", "未找到", "Not found"},
            {"BUDGET", "预算", "Budget"},
            {"FINAL_ACCOUNT", "决算", "Final account"},
            {"DEPARTMENT", "部门", "Department"},
            {"UNIT", "单位（本级）", "Unit (本级)"},
            {"ERROR", "错误", "Error"},
            {"WARNING", "警告", "Warning"},
            {"INFO", "提示", "Note"},
            {"RECEIVED", "已接收", "Received"},
            {"PARSED", "已解析", "Parsed"},
            {"VALIDATED", "已检查", "Validated"},
            {"REJECTED", "未识别", "Rejected"},
            {"BALANCE", "收支平衡", "Balance"},
            {"HIERARCHY", "层级合计", "Hierarchy"},
            {"CROSS_TABLE", "表间核对", "Across tables"},
            {"TEXT_VS_TABLE", "文表一致", "Text vs. table"},
            {"CHANGE", "增减变动", "Change"},
            {"SHARE", "占比", "Share"},
            {"DERIVED", "推算数", "Derived figure"},
            {"PERFORMANCE", "绩效", "Performance"},
            {"DUPLICATE", "重复", "Duplicate"},
            {"COMPLETENESS", "完整性", "Completeness"},
            {"CODE_LIST", "科目编码", "Classification code"},
            {"CROSS_DOCUMENT", "跨文件", "Across documents"},
            {"badFilter", "筛选条件“%s”的值“%s”无效，可用：%s", "The filter “%s” does not take “%s”; use: %s"},
    };

    private static final Map<String, String> ZH = new HashMap<>();
    private static final Map<String, String> EN = new HashMap<>();

    static {
        for (String[] w : WORDS) {
            ZH.put(w[0], w[1]);
            EN.put(w[0], w[2]);
        }
    }

    private I18n() {
    }

    public static boolean english(String lang) {
        return "en".equals(lang);
    }

    public static Map<String, String> words(String lang) {
        return english(lang) ? EN : ZH;
    }

    /** A bad filter of a dashboard page, in the reader's language: which filter, the value given, what it takes. */
    public static String badFilter(String lang, io.budgetlens.reporting.query.BadParameterException e) {
        Map<String, String> words = words(lang);
        String filter = words.getOrDefault("ruleId".equals(e.parameter()) ? "rule" : e.parameter(), e.parameter());
        return String.format(words.get("badFilter"), filter, e.value(), e.allowed());
    }
}
