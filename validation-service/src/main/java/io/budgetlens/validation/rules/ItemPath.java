package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableRow;

/**
 * A 款 or 项 of the functional classification named in prose by its path, and the table row it names: “一般公共服务支出
 * (类)政府办公厅(室)及相关机构事务(款)一般行政管理事务(项)” (each name followed by its level), “(204类)司法(06款)基层司法业务
 * (04项)” (each name preceded by its level and code), “一般公共服务支出-政府办公厅(室)及相关机构事务-行政运行” (names joined by
 * dashes). A row matches when its code is the printed codes joined (2040604), or when its name is the last name of the
 * path and the rows of its 款 and 类 (the code's first five and three digits) in the same table carry the names before
 * it — a name alone (一般行政管理事务 is printed under many 款) never decides.
 */
record ItemPath(String code, List<String> names) {

    private static final Pattern LEVEL = Pattern.compile("[(（]\\s*(\\d*)\\s*([类款项])\\s*[)）]");
    private static final Pattern DASH = Pattern.compile("\\s*[-—－]\\s*");
    /** What {@link #of} drops from a label (compiled once). */
    private static final Pattern NOT_NAME = Pattern.compile("[“”\"‘’]|科目|支出$");

    /** A figure with its unit: a label holding one is read from the text before the figure's clause, not its own. */
    private static final Pattern FIGURE = Pattern.compile("\\d\\s*(万\\s?元|元|%)");
    private static final ItemPath NONE = new ItemPath(null, List.of());

    static ItemPath of(String label) {
        String text = label == null ? "" : NOT_NAME.matcher(label).replaceAll("").strip();
        if (FIGURE.matcher(text).find()) {
            return NONE;
        }
        Matcher m = LEVEL.matcher(text);
        List<String> names = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        int from = 0;
        boolean coded = true;
        int levels = 0;
        while (m.find()) {
            levels++;
            if (m.group(1).isEmpty()) {
                coded = false;
                names.add(normal(text.substring(from, m.start())));
            } else {
                code.append(m.group(1));
            }
            from = m.end();
        }
        if (levels > 0 && coded) {
            // “(204类)司法(06款)基层司法业务(04项)”: the names follow their codes; the codes decide.
            String c = code.toString();
            return c.length() == 5 || c.length() == 7 ? new ItemPath(c, List.of()) : NONE;
        }
        if (levels == 0) {
            for (String part : DASH.split(text)) {
                names.add(normal(part));
            }
            if (names.size() < 2) {
                names.clear();
            }
        }
        names.removeIf(String::isEmpty);
        return new ItemPath(null, names.size() >= 2 ? List.copyOf(names) : List.of());
    }

    /** Whether {@code row} of {@code table} is the item this path names. */
    boolean names(DisclosureTable table, TableRow row) {
        String rowCode = row.code() == null ? "" : row.code().strip();
        if (code != null) {
            return code.equals(rowCode);
        }
        // The names before the last are its parents: 款 (five digits), then 类 (three).
        int[] parents = rowCode.length() == 7 ? new int[] {5, 3} : rowCode.length() == 5 ? new int[] {3} : new int[0];
        if (names.isEmpty() || names.size() - 1 > parents.length
                || !names.get(names.size() - 1).equals(normal(row.name()))) {
            return false;
        }
        for (int i = 0; i < names.size() - 1; i++) {
            int index = names.size() - 2 - i;
            String parentName = names.get(index);
            String parentCode = rowCode.substring(0, parents[i]);
            // The first name may carry the words that lead to it (“主要用于一般公共服务支出”).
            boolean found = table.rows().stream().anyMatch(r -> r.code() != null && parentCode.equals(r.code().strip())
                    && (index == 0 ? parentName.endsWith(normal(r.name())) && !normal(r.name()).isEmpty()
                    : parentName.equals(normal(r.name()))));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** What {@link #normal} drops from a name (compiled once). */
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern OUTER_QUOTE = Pattern.compile("^[“\"]|[”\"]$");

    private static String normal(String name) {
        return name == null ? "" : OUTER_QUOTE.matcher(BLANKS.matcher(name).replaceAll("").replace('（', '(')
                .replace('）', ')')).replaceAll("");
    }
}
