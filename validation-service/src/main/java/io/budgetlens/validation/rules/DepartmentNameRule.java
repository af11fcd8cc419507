package io.budgetlens.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableRow;

/**
 * HYG-004 the department is named the same wherever the document names itself: the title, the tables' own titles
 * ("…办公室2025年财政拨款收支总表"), the 部门(单位)名称 and 编制单位 cells and the attachment line ("附件:…2020年决算公开表").
 * A shorter form that keeps the name's characters in order (区政务办 for …区政务服务管理办公室) is the same name; a
 * different organisation in one of those places is a finding. Names of other bodies in the prose (主管部门, a 组建
 * sentence) are not checked.
 */
public final class DepartmentNameRule extends AbstractRule {

    private static final String ORG = "(?:局|委员会|委|办公室|中心|院|所|站|队|厅|会|处|馆|部|办)";
    private static final Pattern TABLE_TITLE = Pattern.compile("^(.{4,40}?" + ORG + ")(本级)?(?:19|20)\\d{2}\\s*年");
    private static final Pattern ATTACHMENT = Pattern.compile("附件\\s*[:：]\\s*(.{4,40}?" + ORG + ")(本级)?(?:19|20)\\d{2}\\s*年");
    static final Pattern NAME_CELL = Pattern.compile("部门[(（]?单位[)）]?名称|单位名称|编制单位");
    /** The code before a name cell's value ("101001-"), compiled once. */
    private static final Pattern CODE_PREFIX = Pattern.compile("^[\\dA-Za-z]+[-－]");
    private static final Pattern ORGANISATION = Pattern.compile(".*" + ORG + "(本级)?$");

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        String department = d.meta() == null ? null : d.meta().department();
        if (department == null || department.isBlank()) {
            return;
        }
        String text = d.text() == null ? "" : d.text();
        for (Named n : named(d, text)) {
            checks.count();
            if (sameOrganisation(n.name(), department) || n.name().contains("XX") || n.name().contains("××")) {
                continue;
            }
            checks.failAt("此处单位名称“" + n.name() + "”与文件标题的“" + department + "”不一致。",
                    "The department is named “" + n.name() + "” here but “" + department + "” in the title.", text,
                    n.at(), n.at() + n.name().length());
        }
    }

    /** An organisation the document names itself by, and where in the text. */
    private record Named(String name, int at) {
    }

    /** The names in the tables' titles, their name cells (部门(单位)名称, 编制单位) and the attachment line, in that order. */
    private static List<Named> named(DisclosureParsed d, String text) {
        List<Named> named = new ArrayList<>();
        for (DisclosureTable t : d.tables() == null ? List.<DisclosureTable>of() : d.tables()) {
            Matcher m = TABLE_TITLE.matcher(t.title() == null ? "" : t.title().strip());
            if (m.find() && t.start() != null) {
                int at = text.indexOf(m.group(1), Math.max(0, t.start() - 300));
                named.add(new Named(m.group(1), at < 0 ? t.start() : at));
            }
            for (TableRow row : t.rows()) {
                for (int i = 0; i + 1 < row.cells().size(); i++) {
                    String cell = row.cells().get(i).replace(" ", "");
                    // Every name-cell word has 名称 or 编制单位 in it: the regex runs only on the cells that do.
                    if ((cell.contains("名称") || cell.contains("编制单位")) && NAME_CELL.matcher(cell).find()) {
                        String value = CODE_PREFIX.matcher(row.cells().get(i + 1)).replaceFirst("").strip();
                        if (!value.isEmpty() && ORGANISATION.matcher(value).matches() && row.start() != null) {
                            int at = text.indexOf(value, row.start());
                            named.add(new Named(value, at < 0 ? row.start() : at));
                        }
                    }
                }
            }
        }
        Scan attachments = new Scan(ATTACHMENT, text, "附");
        Matcher a = attachments.matcher();
        while (attachments.find()) {
            named.add(new Named(a.group(1), a.start(1)));
        }
        return named;
    }

    private static final Pattern BLANK = Pattern.compile("\\s");

    /** Equal after dropping 本级 and spaces, one contains the other, or one is an in-order abbreviation of the other. */
    static boolean sameOrganisation(String a, String b) {
        String x = BLANK.matcher(a.replace("本级", "")).replaceAll("");
        String y = BLANK.matcher(b.replace("本级", "")).replaceAll("");
        if (x.contains(y) || y.contains(x)) {
            return true;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        int i = 0;
        for (char c : longer.toCharArray()) {
            if (i < shorter.length() && shorter.charAt(i) == c) {
                i++;
            }
        }
        return i == shorter.length() && shorter.length() >= 3;
    }
}
