package io.budgetlens.ingest.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureScope;

/**
 * What a disclosure is and who published it. The title (a line naming 部门/单位 预算/决算, possibly with the
 * department on the line before) gives kind, scope, fiscal year and department; without a title, an attachment name
 * ("附件:重庆市武隆区…2020年决算公开表"), the portal header block (索引号, 发布机构, 成文日期, 发布日期) or the first
 * sentence naming the organisation stand in. Kind wording: 预算 = BUDGET, 决算 = FINAL_ACCOUNT; scope: 部门 =
 * DEPARTMENT, 单位 or 本级 = UNIT. Region: the district or county (…区/…县) and the province-level unit (…市/…省).
 */
public final class MetadataExtractor {

    /** "2024年部门预算情况说明", "2025年单位预算", "2020年决算公开表", "2024年度部门决算". */
    static final Pattern TITLE = Pattern.compile("((?:19|20)\\d{2})\\s*年度?\\s*(?:[省市区县]级|本级)?\\s*(部门|单位)?\\s*"
            + "(预算|决算)(情况说明|公开|报告)?");
    /** {@link #TITLE} tried only at 1 and 2, where every year it opens with begins. */
    static final StartScan TITLES = new StartScan(TITLE, "12");
    /** The first year of a text ("2024年", "2024 年"), tried only at 1 and 2. */
    static final StartScan YEARS = new StartScan(Pattern.compile("((?:19|20)\\d{2})\\s*年"), "12");
    /** "预算主管部门：…", "预算单位：…", "部门：…", "编制单位：…": who the document (or its tables) is about. */
    static final Pattern PUBLISHER_LABEL = Pattern.compile("^(预算主管部门|主管部门|预算单位|部门名称|单位名称|编制部门"
            + "|编制单位|部门)\\s*:\\s*(.+?)\\s*(?:单位\\s*:.*)?$");
    /** Headings of the parts of a disclosure ("第二部分 …"), never its title. */
    static final Pattern PART = Pattern.compile("^第[一二三四五六七八九十]+部分");
    /**
     * A county-level division: …区, …县, …旗, or an autonomous county or banner, whose name carries its peoples and can
     * be long (秀山土家族苗族自治县, 双江拉祜族佤族布朗族傣族自治县, 鄂温克族自治旗).
     */
    static final String COUNTY = "(?:[\\p{IsHan}]{2,14}?自治[县旗]|[\\p{IsHan}]{1,6}?[区县旗])";
    /**
     * An organisation's full name in running text. Names may carry digits (丰都县12345政务服务便民热线中心): a name
     * that stopped at them let a later phrase ("区委区政府转变政府职能") pass for the department. The county is the
     * shortest that fits: in "滑县财政局是县政府组成部门" it is 滑县, not 滑县财政局是县.
     */
    static final Pattern ORGANISATION = Pattern.compile(
            "((?:[\\p{IsHan}]{2,4}(?:省|市|自治区))?(?<county>[\\p{IsHan}]{2,14}?自治[县旗]|[\\p{IsHan}]{1,6}?(?:区|县|市))"
                    + "[\\p{IsHan}()（）0-9]{2,30}?"
                    + "(?:办公室|管理局|中心|局|委员会|委|厅|院|所|站|队|馆|部|处|会|政府)(?:本级)?)");
    static final Pattern REGION = Pattern.compile("^(?:([\\p{IsHan}]{2,4}(?:省|市|自治区)))?(" + COUNTY + ")");
    /** A heading's number alone ("二、", "(三)", "3."): what stands before "2020年决算情况说明" in a heading, no department. */
    static final Pattern NUMBERING = Pattern.compile("^[(（]?[一二三四五六七八九十0-9]{1,3}[)）]?[、.．]?$");
    static final Pattern HEADER_KEYS = Pattern.compile("^\\[?\\s*(索引号|发布机构|成文日期|发布日期|发文字号)\\s*\\]?$");
    static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})[-年/.](\\d{1,2})[-月/.](\\d{1,2})");
    static final Pattern UNIT_CODE = Pattern.compile("(?<![\\d])(\\d{3,6})-[\\p{IsHan}]");
    /**
     * {@link #UNIT_CODE} tried only at digits followed by "-" (its lookbehind at every offset of the text was 8 % of
     * Wulong's parse).
     */
    static final StartScan UNIT_CODES = new StartScan(UNIT_CODE, StartScan.DIGITS, StartScan.DIGITS, "-");
    static final Pattern PHONE = Pattern.compile("(0\\d{2,3}-\\d{7,8})");
    static final Pattern CONTACT_PERSON = Pattern.compile("联系人\\s*:\\s*([\\p{IsHan}]{2,4}?)(?=\\s|联系|电话|手机|$|[,;:])");

    private MetadataExtractor() {
    }

    public static DisclosureMeta extract(String text) {
        return extract(text, ContentsDetector.Contents.NONE, List.of());
    }

    /**
     * @param contents the 目录, whose entries are never the title
     * @param tableTitles titles of the document's tables, for documents that are only tables
     */
    public static DisclosureMeta extract(String text, ContentsDetector.Contents contents, List<String> tableTitles) {
        return extract(text, text.lines().toList(), contents, tableTitles);
    }

    /**
     * The same with the text's lines as the parser split them once ({@code text.split("\n", -1)}): they are the lines
     * {@code String.lines()} reads, but for the empty one after a final line break, when the text holds no CR (the
     * normalised text never does; with one, the text is read again).
     */
    static DisclosureMeta extract(String text, String[] split, ContentsDetector.Contents contents,
                                  List<String> tableTitles) {
        List<String> lines = text.indexOf('\r') >= 0 ? text.lines().toList()
                : java.util.Arrays.asList(split).subList(0, split[split.length - 1].isEmpty() ? split.length - 1
                : split.length);
        return extract(text, lines, contents, tableTitles);
    }

    private static DisclosureMeta extract(String text, List<String> lines, ContentsDetector.Contents contents,
                                          List<String> tableTitles) {
        String indexNumber = null;
        String publisher = null;
        LocalDate written = null;
        LocalDate published = null;
        for (String line : lines.subList(0, Math.min(lines.size(), 12))) {
            if (!line.contains("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            for (int i = 0; i + 1 < cells.length; i++) {
                Matcher key = HEADER_KEYS.matcher(cells[i].strip());
                if (!key.matches()) {
                    continue;
                }
                String value = cells[i + 1].strip();
                switch (key.group(1)) {
                    case "索引号" -> indexNumber = value.isEmpty() ? null : value;
                    case "发布机构" -> publisher = value.isEmpty() ? null : value;
                    case "成文日期" -> written = date(value);
                    case "发布日期" -> published = date(value);
                    default -> { }
                }
            }
        }

        String title = null;
        Matcher titleMatch = null;
        String department = null;
        int[] starts = lineStarts(lines);
        // A cover printed over several lines ("中共…社会工作部 2024 年度" / "部门决算") is read as one title.
        String cover = cover(lines, starts, contents);
        Matcher coverMatch = cover == null ? null : TITLE.matcher(cover);
        if (coverMatch != null && coverMatch.find() && (coverMatch.group(2) != null || coverMatch.group(4) != null)) {
            titleMatch = coverMatch;
            title = cover.substring(0, coverMatch.end()).strip();
            String before = cover.substring(0, coverMatch.start()).strip();
            department = before.isEmpty() || NUMBERING.matcher(before).matches() ? null : before;
        }
        for (int i = 0; titleMatch == null && i < Math.min(lines.size(), 15); i++) {
            String line = lines.get(i).replaceAll("^[#*\\s]+", "").strip();
            if (line.contains("|") || line.length() > 80 || contents.contains(starts[i]) || PART.matcher(line).find()
                    || ContentsDetector.TITLE.matcher(line).matches()) {
                continue;
            }
            Matcher m = TITLE.matcher(line);
            if (m.find() && (m.group(2) != null || m.group(4) != null)) {
                titleMatch = m;
                String before = line.substring(0, m.start()).strip();
                if (before.isEmpty() && i > 0) {
                    before = lines.get(i - 1).replaceAll("^[#*\\s]+", "").strip();
                    title = before + line;
                } else {
                    title = line;
                }
                department = before.isEmpty() || NUMBERING.matcher(before).matches() ? null : before;
                break;
            }
        }
        if (titleMatch == null) {
            for (String line : lines) {
                if (line.startsWith("附件")) {
                    Matcher m = TITLE.matcher(line);
                    if (m.find()) {
                        titleMatch = m;
                        String name = line.replaceFirst("^附件\\s*[:]?\\s*", "");
                        department = name.substring(0, Math.max(0, name.indexOf(m.group(1)))).strip();
                        break;
                    }
                }
            }
        }
        DisclosureKind kind = null;
        DisclosureScope scope = null;
        Integer year = null;
        if (titleMatch != null) {
            year = Integer.valueOf(titleMatch.group(1));
            kind = "预算".equals(titleMatch.group(3)) ? DisclosureKind.BUDGET : DisclosureKind.FINAL_ACCOUNT;
            scope = scopeOf(titleMatch.group(2), department);
        } else {
            Matcher fallback = DisclosureParser.KINDS.matcher(text);
            if (DisclosureParser.KINDS.find(fallback, text, 0)) {
                String word = fallback.group(2) != null ? fallback.group(2) : fallback.group(3);
                kind = "预算".equals(word) ? DisclosureKind.BUDGET : DisclosureKind.FINAL_ACCOUNT;
                scope = scopeOf(fallback.group(1), null);
            }
            Matcher y = TITLES.matcher(text);
            year = TITLES.find(y, text, 0) ? Integer.valueOf(y.group(1)) : firstYear(text);
        }
        if (scope == null) {
            Matcher fallback = DisclosureParser.KINDS.matcher(text);
            for (int from = 0; scope == null && DisclosureParser.KINDS.find(fallback, text, from);
                 from = fallback.end()) {
                scope = scopeOf(fallback.group(1), null);
            }
        }
        String labelled = labelledPublisher(lines);
        if (labelled != null && (department == null || department.isEmpty() || labelled.endsWith(department)
                || labelled.length() > department.length() && labelled.startsWith(department))) {
            department = labelled;
        } else if (labelled != null && department != null && !looksLikeOrganisation(department)) {
            department = labelled;
        }
        if (department == null || department.isEmpty()) {
            department = organisationInText(text, publisher, tableTitles);
        }
        if (kind == null) {
            kind = kindOfTables(tableTitles);
        }
        if (scope == null && labelled != null) {
            scope = unitLabel(lines) ? DisclosureScope.UNIT : DisclosureScope.DEPARTMENT;
        }
        if (department != null && department.endsWith("本级")) {
            scope = scope == null ? DisclosureScope.UNIT : scope;
        }
        String province = null;
        String district = null;
        String regionSource = department != null ? department : publisher;
        if (regionSource != null) {
            String named = regionSource.replaceFirst("^中共", "");
            Matcher r = REGION.matcher(named);
            if (r.find()) {
                province = r.group(1);
                district = r.group(2);
            }
            Provinces.Found found = Provinces.find(named);
            if (found != null) {
                province = found.fullName();
                Matcher d = DISTRICT.matcher(named.substring(found.end()));
                district = d.find() ? d.group(1) : (r.find(0) && found.fullName().equals(r.group(1)) ? r.group(2)
                        : null);
            }
            if (province == null) {
                Matcher p = district == null ? null : provinceBefore(text, district);
                province = p != null ? p.group(1) : null;
            }
        }
        if (province == null && title != null) {
            Provinces.Found found = Provinces.find(title.replaceFirst("^中共", ""));
            province = found == null ? null : found.fullName();
        }
        String code = null;
        Matcher unit = UNIT_CODES.matcher(text);
        if (UNIT_CODES.find(unit, text, 0)) {
            code = unit.group(1);
        }
        return new DisclosureMeta(kind, scope, year, title, department, code, province, district,
                published != null ? published : written, indexNumber, publisher, contact(text));
    }

    /**
     * A district or county right after the province: "普陀区" in "上海市普陀区委社会工作部"; with its prefecture when the
     * county alone is not found within a few characters ("恩施土家族苗族自治州来凤县", "鄂尔多斯市鄂托克旗").
     */
    static final Pattern DISTRICT = Pattern.compile("^((?:[\\p{IsHan}]{2,12}?(?:市|自治州|地区|盟))??" + COUNTY + ")(?!级)");

    private static int[] lineStarts(List<String> lines) {
        int[] starts = new int[lines.size()];
        int offset = 0;
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = offset;
            offset += lines.get(i).length() + 1;
        }
        return starts;
    }

    /** The short lines before the 目录 (or the first heading), joined: a cover page. Null when there are none. */
    static String cover(List<String> lines, int[] starts, ContentsDetector.Contents contents) {
        StringBuilder cover = new StringBuilder();
        for (int i = 0; i < Math.min(lines.size(), 8); i++) {
            String line = lines.get(i).replaceAll("^[#*\\s]+|\\*+$", "").strip();
            if (contents.contains(starts[i]) || ContentsDetector.TITLE.matcher(line).matches() || line.contains("|")
                    || line.contains("。") || line.length() > 40 || PART.matcher(line).find()
                    || PUBLISHER_LABEL.matcher(line).matches()) {
                break;
            }
            cover.append(line);
        }
        return cover.length() == 0 ? null : cover.toString();
    }

    /** The department named by a label line near the top ("预算主管部门：…", "部门：… 单位：万元"). */
    static String labelledPublisher(List<String> lines) {
        for (String line : lines.subList(0, Math.min(lines.size(), 40))) {
            Matcher m = PUBLISHER_LABEL.matcher(line.strip());
            if (m.matches()) {
                String name = m.group(2).strip();
                if (name.length() >= 3 && !name.contains("|")) {
                    return name;
                }
            }
        }
        return null;
    }

    private static boolean unitLabel(List<String> lines) {
        for (String line : lines.subList(0, Math.min(lines.size(), 40))) {
            Matcher m = PUBLISHER_LABEL.matcher(line.strip());
            if (m.matches()) {
                return m.group(1).contains("单位");
            }
        }
        return false;
    }

    /**
     * Words that open a clause of a functions text ("负责区级行政服务中心…", "贯彻落实市委市政府…"): a phrase starting
     * with one of them names a duty, not an organisation, even when it fits {@link #ORGANISATION}.
     */
    static final Pattern DUTY_OPENING = Pattern.compile("^(?:负责|贯彻|落实|执行|承担|组织|指导|协调|推进|推动|拟定|拟订"
            + "|制定|参与|配合|完成|根据|按照|依据|会同|加强|做好|围绕|牵头|统筹|督促|监督|管理|开展|实施|建立|健全|研究"
            + "|审核|审批|编制|办理|承办|联系|服务|支持|保障|促进|提高|提升|深化|落地|对接|受理)");

    /**
     * The last resort for a page with no title and no 部门/单位 label: the portal header's 发布机构 when it names an
     * organisation, else the organisation the tables' titles open with, else the first phrase of the text that reads
     * as an organisation's full name. A phrase is skipped when it opens with a duty word ({@link #DUTY_OPENING}), when
     * its county is 本区/全区/各区… (not a place), when its county word is an adjective (区级, 县级, 市级), or when its
     * county name has not the usual two to four characters before 区/县/市 ("将区", "依法查处进入区") and the text never
     * names that county after a province or city (武隆区, 石柱县, 乌鲁木齐市 have two to four; 滑县 counts when the text
     * names it after its province or city). Then the 发布机构 as printed, or null: no department is better than a wrong
     * one, which would give the page another department's identity.
     */
    static String organisationInText(String text, String publisher, List<String> tableTitles) {
        if (publisher != null && looksLikeOrganisation(publisher)) {
            return publisher;
        }
        String ofTables = organisationOfTables(tableTitles);
        if (ofTables != null) {
            return ofTables;
        }
        Matcher org = ORGANISATION.matcher(text);
        while (org.find()) {
            String name = org.group(1);
            String county = org.group("county");
            char first = county.charAt(0);
            int after = org.end("county");
            boolean adjective = after < text.length() && text.charAt(after) == '级';
            boolean notAPlace = county.length() == 2 && (first == '本' || first == '全' || first == '各'
                    || first == '该' || first == '我');
            if (adjective || notAPlace || DUTY_OPENING.matcher(name.replaceFirst("^中共", "")).find()) {
                continue;
            }
            boolean usualLength = county.length() >= 3 && county.length() <= 5 || county.contains("自治");
            boolean afterProvince = org.start("county") > org.start(1);
            if (usualLength || afterProvince || namedAfterAProvince(text, county)) {
                return name;
            }
        }
        return publisher;
    }

    /** "重庆市荣昌区政务服务管理办公室本级2025年财政拨款收支总表": the organisation most of the tables' titles open with. */
    static final Pattern TABLE_TITLE_ORGANISATION = Pattern.compile("^(?:纳入)?([\\p{IsHan}()（）]{4,40}?"
            + "(?:办公室|办公厅|局|委员会|委|厅|院|所|站|队|馆|部|处|会|政府|中心)(?:本级)?)\\s*(?:19|20)\\d{2}\\s*年");

    static String organisationOfTables(List<String> tableTitles) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String title : tableTitles) {
            Matcher m = title == null ? null : TABLE_TITLE_ORGANISATION.matcher(title.strip());
            if (m != null && m.find() && !DUTY_OPENING.matcher(m.group(1)).find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static boolean namedAfterAProvince(String text, String county) {
        for (int at = text.indexOf(county, 1); at > 0; at = text.indexOf(county, at + 1)) {
            char before = text.charAt(at - 1);
            if (before == '省' || before == '市' || before == '区' && at >= 3 && text.startsWith("自治区", at - 3)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeOrganisation(String name) {
        return name.matches(".*(办公室|办公厅|局|委员会|委|厅|院|所|站|队|馆|部|处|会|政府|中心|署|社|团|行|室)(本级)?$");
    }

    /** For a document that is only tables: 预算 or 决算 from the table titles. */
    private static DisclosureKind kindOfTables(List<String> titles) {
        long budget = titles.stream().filter(t -> t != null && t.contains("预算")).count();
        long finalAccount = titles.stream().filter(t -> t != null && t.contains("决算")).count();
        if (budget == 0 && finalAccount == 0) {
            return null;
        }
        return budget >= finalAccount ? DisclosureKind.BUDGET : DisclosureKind.FINAL_ACCOUNT;
    }

    private static DisclosureScope scopeOf(String word, String department) {
        if ("单位".equals(word) || (department != null && department.endsWith("本级"))) {
            return DisclosureScope.UNIT;
        }
        return "部门".equals(word) ? DisclosureScope.DEPARTMENT : null;
    }

    private static Integer firstYear(String text) {
        Matcher m = YEARS.matcher(text);
        return YEARS.find(m, text, 0) ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * {@code Pattern.compile("([\\p{IsHan}]{2,4}(?:省|市|自治区))" + Pattern.quote(district)).matcher(text)} after its
     * {@code find()}, or null when it finds nothing: the pattern tried only at the offsets a match can start at, 3 to 11
     * characters before an occurrence of the district (2 to 4 ideographs, each one or two UTF-16 units, and 省, 市 or
     * 自治区), in order. The plain
     * {@code find()} tried its ideograph run at every offset of the text (Jiangjin, whose department does not name
     * its province: 18 % of the parse).
     */
    static Matcher provinceBefore(String text, String district) {
        Matcher m = Pattern.compile("([\\p{IsHan}]{2,4}(?:省|市|自治区))" + Pattern.quote(district)).matcher(text);
        if (district.isEmpty()) {
            return m.find() ? m : null;
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int tried = -1;
        for (int at = text.indexOf(district); at >= 0; at = text.indexOf(district, at + 1)) {
            for (int start = Math.max(tried + 1, at - 11); start <= at - 3; start++) {
                if (m.region(start, text.length()).lookingAt()) {
                    return m;
                }
                tried = start;
            }
        }
        return null;
    }

    static LocalDate date(String value) {
        Matcher m = DATE.matcher(value);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** "联系人:苏杨 联系电话:023-81222208" → "苏杨 023-81222208"; the phone alone when no person is named. */
    static String contact(String text) {
        String found = null;
        // Only the lines holding 联系 (every one of the three words has it), each once, in order: the line around
        // each 联系, between line terminators as String.lines() reads them.
        for (int at = text.indexOf("联系"); at >= 0; ) {
            int start = at;
            while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
                start--;
            }
            int end = at;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            at = text.indexOf("联系", end);
            String line = text.substring(start, end);
            if (line.contains("|") || !(line.contains("联系人") || line.contains("联系方式") || line.contains("联系电话"))) {
                continue;
            }
            Matcher phone = PHONE.matcher(line);
            if (!phone.find()) {
                continue;
            }
            Matcher person = CONTACT_PERSON.matcher(line);
            found = person.find() ? person.group(1) + " " + phone.group(1) : phone.group(1);
        }
        return found;
    }
}
