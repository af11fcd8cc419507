package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a text is a budget or final-account disclosure at all. A disclosure names itself (部门预算, 单位决算,
 * 预算情况说明, 决算公开…), states amounts (at least three figures in 万元 or 元) and talks about at least two of the
 * subjects every disclosure covers (收支总体情况, 财政拨款, 一般公共预算, “三公”经费, 机关运行经费, 政府采购, 基本支出,
 * 项目支出…). A news item that mentions 预算, an empty page or a bare dump of numbers fails and gets its reasons.
 */
public final class DisclosureClassifier {

    static final Pattern SELF_NAMING = Pattern.compile(
            "(部门|单位)(预算|决算)|(预算|决算)(情况说明|公开|报告)|预决算公开|(收入支出|收支|财政拨款收支)?(预算|决算)总表");
    /** {@link #SELF_NAMING} tried only where one of its words can begin. */
    static final StartScan SELF_NAMINGS = new StartScan(SELF_NAMING, "部单预决收财");
    static final Pattern AMOUNT = Pattern.compile("\\d[\\d,]*(\\.\\d+)?\\s*万?元");
    static final List<String> SUBJECTS = List.of("收支总体情况", "收入支出", "财政拨款", "一般公共预算", "三公", "机关运行经费",
            "政府采购", "国有资产", "基本支出", "项目支出", "绩效", "政府性基金");

    static final int MIN_AMOUNTS = 3;
    static final int MIN_SUBJECTS = 2;

    private DisclosureClassifier() {
    }

    /** Reasons (English with the Chinese terms) the text is not a disclosure; empty when it is one. */
    public static List<String> rejectionReasons(String text) {
        return rejectionReasons(text, null);
    }

    /**
     * The same, knowing the document's shape: a file of standard tables (two or more) or a blank template of the
     * genre is a disclosure even without amounts written with 万元 or 元 (tables state their unit once, templates
     * have placeholders).
     */
    static List<String> rejectionReasons(String text, DocumentShape shape) {
        boolean tablesOfTheGenre = shape != null && shape.standardTables() >= 2;
        List<String> reasons = new ArrayList<>();
        if (text.isBlank()) {
            reasons.add("The document has no text (文档没有文字内容).");
            return reasons;
        }
        if (!text.contains("预算") && !text.contains("决算")) {
            reasons.add("The text mentions neither 预算 (budget) nor 决算 (final accounts).");
            return reasons;
        }
        if (!tablesOfTheGenre && !SELF_NAMINGS.find(SELF_NAMINGS.matcher(text), text, 0)) {
            reasons.add("The text never names itself a budget or final-account disclosure "
                    + "(no 部门预算/单位预算/部门决算/单位决算/预算情况说明/决算公开 wording).");
        }
        int amounts = count(AMOUNT.matcher(text), MIN_AMOUNTS);
        if (amounts < MIN_AMOUNTS && !tablesOfTheGenre) {
            reasons.add("The text states " + amounts + " amount(s) in 万元 or 元; a disclosure states at least "
                    + MIN_AMOUNTS + ".");
        }
        long subjects = SUBJECTS.stream().filter(text::contains).count();
        if (subjects < MIN_SUBJECTS && !tablesOfTheGenre) {
            reasons.add("The text covers " + subjects + " of the subjects every disclosure covers (收支总体情况, 财政拨款, "
                    + "一般公共预算, 三公经费, 机关运行经费, 政府采购, 基本支出, 项目支出…); at least " + MIN_SUBJECTS + " are needed.");
        }
        return reasons;
    }

    private static int count(Matcher m, int enough) {
        int n = 0;
        while (n < enough && m.find()) {
            n++;
        }
        return n;
    }
}
