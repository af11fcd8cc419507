package io.budgetlens.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A vocabulary pattern that stands for a few words, searched for as those words: {@code 公务用?车运行费|公务车运行},
 * {@code 因公出国[(（]境[)）]}, {@code 国有资本经营预算(拨款|收入|资金)}, {@code (经费|费用|项目|费)$}. The syntax read is
 * literal characters, {@code ?} after a character, a class or a group, classes of literal characters, groups of
 * alternatives, {@code |}, and {@code $} ending an alternative; a pattern with anything else (escapes, {@code .},
 * counts, ranges) is not one ({@link #of} gives null) and runs as a regex. {@code find} on such a pattern is true
 * exactly when one of its words occurs in the text, or (after {@code $}) ends it.
 */
final class LiteralPattern {

    /** More words than this and the pattern runs as a regex. */
    static final int MAX_WORDS = 256;
    private static final String META = "\\[](){}.*+?^$|";

    private final String[] anywhere;
    private final String[] atEnd;

    private LiteralPattern(List<String> anywhere, List<String> atEnd) {
        this.anywhere = anywhere.toArray(String[]::new);
        this.atEnd = atEnd.toArray(String[]::new);
    }

    /** The words of a pattern, or null when it uses syntax beyond the few forms read here. */
    static LiteralPattern of(String regex) {
        List<String> anywhere = new ArrayList<>();
        List<String> atEnd = new ArrayList<>();
        int[] at = {0};
        while (true) {
            List<String> words = sequence(regex, at);
            if (words == null) {
                return null;
            }
            boolean end = at[0] < regex.length() && regex.charAt(at[0]) == '$';
            if (end) {
                at[0]++;
            }
            (end ? atEnd : anywhere).addAll(words);
            if (anywhere.size() + atEnd.size() > MAX_WORDS) {
                return null;
            }
            if (at[0] == regex.length()) {
                return new LiteralPattern(anywhere, atEnd);
            }
            if (regex.charAt(at[0]) != '|') {
                return null;
            }
            at[0]++;
        }
    }

    /**
     * Whether the pattern finds a match in the text: 1 yes, 0 no, -1 undecided (a {@code $} word and a text ending in
     * a line terminator, before which {@code $} also matches: run the regex).
     */
    int find(String text) {
        for (String word : anywhere) {
            if (text.contains(word)) {
                return 1;
            }
        }
        if (atEnd.length == 0) {
            return 0;
        }
        if (!text.isEmpty() && "\n\r\u0085\u2028\u2029".indexOf(text.charAt(text.length() - 1)) >= 0) {
            return -1;
        }
        for (String word : atEnd) {
            if (text.endsWith(word)) {
                return 1;
            }
        }
        return 0;
    }

    List<String> words() {
        List<String> all = new ArrayList<>(List.of(anywhere));
        for (String word : atEnd) {
            all.add(word + "$");
        }
        return all;
    }

    /** The words of one alternative, up to a | or ) or $ it stops before; null for syntax not read here. */
    private static List<String> sequence(String regex, int[] at) {
        List<String> words = new ArrayList<>(List.of(""));
        while (at[0] < regex.length()) {
            char c = regex.charAt(at[0]);
            if (c == '|' || c == ')' || c == '$') {
                return words;
            }
            List<String> options;
            if (c == '[') {
                options = new ArrayList<>();
                int i = at[0] + 1;
                for (; i < regex.length() && regex.charAt(i) != ']'; i++) {
                    char k = regex.charAt(i);
                    if (k == '\\' || k == '[' || k == '-' || k == '&' || k == '^') {
                        return null;
                    }
                    options.add(String.valueOf(k));
                }
                if (i == regex.length() || options.isEmpty()) {
                    return null;
                }
                at[0] = i + 1;
            } else if (c == '(') {
                options = new ArrayList<>();
                at[0]++;
                while (true) {
                    List<String> inner = sequence(regex, at);
                    if (inner == null || at[0] == regex.length() || regex.charAt(at[0]) == '$') {
                        return null;
                    }
                    options.addAll(inner);
                    char stop = regex.charAt(at[0]++);
                    if (stop == ')') {
                        break;
                    }
                }
            } else if (META.indexOf(c) >= 0) {
                return null;
            } else {
                options = List.of(String.valueOf(c));
                at[0]++;
            }
            if (at[0] < regex.length() && regex.charAt(at[0]) == '?') {
                options = new ArrayList<>(options);
                options.add("");
                at[0]++;
            }
            if (at[0] < regex.length() && "*+{".indexOf(regex.charAt(at[0])) >= 0) {
                return null;
            }
            List<String> longer = new ArrayList<>();
            for (String word : words) {
                for (String option : options) {
                    longer.add(word + option);
                }
            }
            if (longer.size() > MAX_WORDS) {
                return null;
            }
            words = longer;
        }
        return words;
    }
}
