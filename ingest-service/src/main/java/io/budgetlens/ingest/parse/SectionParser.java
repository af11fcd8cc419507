package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.budgetlens.events.Section;

/**
 * Reads the numbered headings of a disclosure into a flat section list with parent links: 一、 (level 1),
 * (一)/（一） (level 2), 1. / 1、 (level 3), (1)/（1） (level 4), at the start of a line, after optional Markdown
 * {@code #} and {@code **}. A heading's title ends at the first 。 or : on its line (the rest is body text). A section
 * runs to the next heading of the same or a higher level; it is empty when neither it nor a subsection has text.
 */
public final class SectionParser {

    private static final String CN = "[一二三四五六七八九十]+";
    static final Pattern[] LEVELS = {
            Pattern.compile("^(" + CN + ")\\s*、\\s*(.*)$"),
            Pattern.compile("^\\(\\s*(" + CN + ")\\s*\\)\\s*(.*)$"),
            Pattern.compile("^(\\d{1,2})\\s*[.、](?!\\d)\\s*(.*)$"),
            Pattern.compile("^\\(\\s*(\\d{1,2})\\s*\\)\\s*(.*)$")};
    static final Pattern DECORATION = Pattern.compile("^[#*\\s-]+|\\*+$");
    /** A title stating a figure ("…支出1,234万元"), compiled once (String.matches compiled it for every heading). */
    private static final Pattern STATES_FIGURE = Pattern.compile(".*\\d.*[万元%].*");
    private static final int MAX_TITLE = 40;
    /** A "title" longer than this is a sentence, not a heading. */
    private static final int SENTENCE = 12;

    private SectionParser() {
    }

    private static final class Heading {
        int level;
        String number;
        String title;
        int start;
        int bodyStart;
        int end;
        int parent = -1;
        boolean hasOwnText;
    }

    public static List<Section> parse(String text) {
        return parse(text, ContentsDetector.Contents.NONE);
    }

    /** The sections of a text whose table of contents (目录) is known: its entries are never headings. */
    public static List<Section> parse(String text, ContentsDetector.Contents contents) {
        return parse(text, text.split("\n", -1), contents);
    }

    /** The same with the text's lines ({@code text.split("\n", -1)}), split once for all the parser's readers. */
    static List<Section> parse(String text, String[] lines, ContentsDetector.Contents contents) {
        List<Heading> headings = new ArrayList<>();
        int offset = 0;
        for (String line : lines) {
            int lineStart = offset;
            offset += line.length() + 1;
            if (line.contains("|") || line.contains("\t") || contents.contains(lineStart)) {
                continue;
            }
            String clean = undecorated(line.strip());
            if (clean.isEmpty() || !mayNumber(clean.charAt(0))) {
                continue;
            }
            for (int level = 0; level < LEVELS.length; level++) {
                if (!mayOpen(level, clean.charAt(0))) {
                    continue;
                }
                String[] m = heading(level, clean);
                if (m == null) {
                    continue;
                }
                String rest = m[1];
                int cut = firstOf(rest, "。", ":");
                String title = (cut < 0 ? rest : rest.substring(0, cut)).strip();
                if (title.isEmpty() || title.length() > MAX_TITLE && cut < 0 && level >= 2) {
                    break;
                }
                Heading h = new Heading();
                h.level = level + 1;
                h.number = numberOf(level, m[0]);
                h.title = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
                h.start = lineStart;
                h.bodyStart = cut < 0 ? lineStart + line.length() : lineStart + line.indexOf(rest) + cut + 1;
                // A numbered item that is a whole sentence ("6.负责招商引资服务保障工作。") is its own content.
                h.hasOwnText = (cut >= 0 && !rest.substring(cut + 1).isBlank()) || title.length() > SENTENCE
                        || STATES_FIGURE.matcher(title).matches() || (cut >= 0 && rest.charAt(cut) == '。');
                headings.add(h);
                break;
            }
        }
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            h.end = text.length();
            for (int j = i + 1; j < headings.size(); j++) {
                if (headings.get(j).level <= h.level) {
                    h.end = headings.get(j).start;
                    break;
                }
            }
            for (int j = i - 1; j >= 0; j--) {
                if (headings.get(j).level < h.level) {
                    h.parent = j;
                    break;
                }
            }
            int nextHeading = i + 1 < headings.size() ? headings.get(i + 1).start : text.length();
            if (!h.hasOwnText && h.bodyStart < nextHeading) {
                h.hasOwnText = !text.substring(h.bodyStart, nextHeading).isBlank();
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            boolean empty = !h.hasOwnText && !hasTextBelow(headings, i);
            sections.add(new Section("s" + (i + 1), h.parent < 0 ? null : "s" + (h.parent + 1), h.level, h.number,
                    h.title, h.start, h.end, empty));
        }
        return sections;
    }

    /**
     * The line without Markdown marks ({@link #DECORATION}), stripped; the pattern runs only when the line begins with
     * a mark or ends with {@code *} (running it on every line was 4.5 % of Wulong's parse).
     */
    static String undecorated(String stripped) {
        if (stripped.isEmpty() || "#*- \t\n\u000B\f\r".indexOf(stripped.charAt(0)) < 0
                && stripped.charAt(stripped.length() - 1) != '*') {
            return stripped;
        }
        return DECORATION.matcher(stripped).replaceAll("").strip();
    }

    /**
     * {@code LEVELS[level].matcher(clean).matches()} read by hand: the number (group 1) and the rest (group 2), or null
     * when the line does not match. Every part of the patterns is greedy and nothing after it accepts what it gave back
     * (a 一…十 run is followed by spaces and 、 or ")", a run of one or two digits by spaces and a mark); the rest
     * ({@code (.*)$}) is everything after the spaces, and matches when it holds no line terminator. The regex engine's
     * {@code .*} over the rest of every numbered line was 3.5 % of Wulong's parse.
     */
    static String[] heading(int level, String clean) {
        int n = clean.length();
        int i = 0;
        if (level == 1 || level == 3) {
            if (n == 0 || clean.charAt(0) != '(') {
                return null;
            }
            i = spaces(clean, 1);
        }
        int numberStart = i;
        if (level == 0 || level == 1) {
            while (i < n && "一二三四五六七八九十".indexOf(clean.charAt(i)) >= 0) {
                i++;
            }
            if (i == numberStart) {
                return null;
            }
        } else {
            while (i < n && isDigit(clean.charAt(i))) {
                i++;
            }
            if (i == numberStart || i - numberStart > 2) {
                return null;
            }
        }
        int numberEnd = i;
        i = spaces(clean, i);
        if (i >= n) {
            return null;
        }
        char mark = clean.charAt(i);
        boolean marked = switch (level) {
            case 0 -> mark == '、';
            case 2 -> (mark == '.' || mark == '、') && !(i + 1 < n && isDigit(clean.charAt(i + 1)));
            default -> mark == ')';
        };
        if (!marked) {
            return null;
        }
        int restStart = spaces(clean, i + 1);
        for (int k = restStart; k < n; k++) {
            char c = clean.charAt(k);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return new String[] {clean.substring(numberStart, numberEnd), clean.substring(restStart)};
    }

    /** The offset after the run of {@code \s} characters from {@code i}. */
    private static int spaces(String s, int i) {
        while (i < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether a heading number can begin with this character: 一…十, "(" or a digit (the start of every level). */
    static boolean mayNumber(char c) {
        return c == '(' || c >= '0' && c <= '9' || "一二三四五六七八九十".indexOf(c) >= 0;
    }

    /**
     * Whether a line beginning with {@code c} can match {@link #LEVELS}[level]: 一…十 opens only the first level, a
     * digit the third, "(" the second and the fourth; the other levels are not tried.
     */
    static boolean mayOpen(int level, char c) {
        return switch (level) {
            case 0 -> "一二三四五六七八九十".indexOf(c) >= 0;
            case 2 -> c >= '0' && c <= '9';
            default -> c == '(';
        };
    }

    private static boolean hasTextBelow(List<Heading> headings, int index) {
        Heading h = headings.get(index);
        for (int j = index + 1; j < headings.size() && headings.get(j).start < h.end; j++) {
            if (headings.get(j).hasOwnText) {
                return true;
            }
        }
        return false;
    }

    private static String numberOf(int level, String n) {
        return switch (level) {
            case 0 -> n + "、";
            case 1 -> "(" + n + ")";
            case 2 -> n + ".";
            default -> "(" + n + ")";
        };
    }

    private static int firstOf(String s, String... marks) {
        int best = -1;
        for (String mark : marks) {
            int i = s.indexOf(mark);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
