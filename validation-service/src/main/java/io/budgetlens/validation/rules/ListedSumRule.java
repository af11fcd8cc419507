package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Verdict;

/**
 * NAR-003 a sum the narrative states equals the amounts it sums: “…增加350.50万元,新增…312.08万元,共增加662.58万元”,
 * “…相应增加接待费用0.31万元;…减少0.35万元,合计共减少0.04万元”, “采购、工程、交易42万元,…,合计115.2万元”. Read from
 * the text of each paragraph: amounts in 万元 with the direction word of their clause (增加 +, 减少 −); a closing
 * amount (共增加, 合计, 总计增加…) sums the amounts listed before it that no earlier sum has taken — a closing amount
 * with a direction word may sum a whole paragraph's changes, one without only its own sentence's amounts. The amounts
 * summed are the ones just before the sum; other subsets are accepted when they match, so that only a sum no
 * combination of the listed amounts explains is reported.
 */
public final class ListedSumRule extends AbstractRule {

    static final Pattern AMOUNT = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*万\\s?元");
    private static final Pattern CLOSER = Pattern.compile(
            "(合计共|共计|合计|总计|累计|(?<!公)共)\\s*(?:(?:19|20)\\d{2}\\s*年度?)?\\s*(增加|减少|新增|下降|增长|降低)?\\s*$");
    static final Pattern UP = Pattern.compile("增加|新增|追加|增长|上升|提高");
    static final Pattern DOWN = Pattern.compile("减少|下降|降低|追减|节约|压减");
    private static final int MAX_SUBSET = 12;

    /** One amount of a paragraph: its value, the sign its clause gives (0: none), and where it is. */
    private record Item(Quantity value, int sign, int sentence, boolean sum) {
        Quantity signed(int groupSign) {
            int s = sign != 0 ? sign : groupSign != 0 ? groupSign : 1;
            return s > 0 ? value : value.negate();
        }
    }

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        String text = d.text() == null ? "" : d.text();
        for (int[] line : TextHygiene.narrativeLines(d)) {
            // every amount is in 万元: a line without 万 has none, and nothing is checked in it
            int wan = text.indexOf('万', line[0]);
            if (wan >= 0 && wan < line[1]) {
                paragraph(checks, text.substring(line[0], line[1]), line[0]);
            }
        }
    }

    private void paragraph(Checks checks, String line, int offset) {
        List<Item> open = new ArrayList<>();
        Scan scan = amounts(line);
        Matcher m = scan.matcher();
        int previousEnd = 0;
        while (scan.find()) {
            String clause = clause(line.substring(previousEnd, m.start()));
            previousEnd = m.end();
            BigDecimal value = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2)));
            int sentence = sentenceIndex(line, m.start());
            int sign = direction(clause);
            Evidence evidence = TextHygiene.sentence(line, offset, m.start());
            Quantity q = Quantity.printed(value, m.group(2) == null ? 0 : m.group(2).length(), clause.strip(), evidence);
            // every closing word has 计 or 共 in it: the regex runs only on the clauses that do
            Matcher closer = clause.indexOf('计') < 0 && clause.indexOf('共') < 0 ? null : CLOSER.matcher(clause);
            if (closer == null || !closer.find()) {
                open.add(new Item(q, sign, sentence, false));
                continue;
            }
            boolean directed = closer.group(2) != null;
            List<Item> candidates = open.stream().filter(i -> directed || i.sentence() == sentence).toList();
            Item sum = new Item(q, sign, sentence, true);
            if (candidates.size() < 2) {
                open.add(sum);
                continue;
            }
            Quantity target = sign < 0 ? q.negate() : q;
            List<Item> matched = match(candidates, target, sign);
            if (matched != null) {
                record(checks, matched, sum, target, sign, true);
                open.removeAll(matched);
            } else {
                List<Item> group = candidates.stream().filter(i -> i.sentence() == sentence).toList();
                if (group.size() < 2) {
                    group = candidates;
                }
                record(checks, group, sum, target, sign, false);
                open.removeAll(group);
            }
            open.add(sum);
        }
    }

    /** {@link #AMOUNT}'s matches: tried only at the numbers before a 万 followed by 元 (one blank between at most). */
    static Scan amounts(String line) {
        return Scan.numbersBefore(AMOUNT, line, "万", "", p -> p + 1 < line.length()
                && (line.charAt(p + 1) == '元'
                || Scan.isBlank(line.charAt(p + 1)) && p + 2 < line.length() && line.charAt(p + 2) == '元'));
    }

    /** The amounts just before the sum that add up to it, or any other subset that does (null: none does). */
    private static List<Item> match(List<Item> candidates, Quantity target, int groupSign) {
        for (int k = 2; k <= candidates.size(); k++) {
            List<Item> suffix = candidates.subList(candidates.size() - k, candidates.size());
            if (total(suffix, groupSign).overlaps(target)) {
                return suffix;
            }
        }
        List<Item> pool = candidates.size() > MAX_SUBSET
                ? candidates.subList(candidates.size() - MAX_SUBSET, candidates.size()) : candidates;
        Item last = pool.get(pool.size() - 1);
        int n = pool.size() - 1;
        for (int mask = 1; mask < (1 << n); mask++) {
            List<Item> subset = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(pool.get(i));
                }
            }
            subset.add(last);
            if (closeEnough(subset, total(subset, groupSign), target)) {
                return subset;
            }
        }
        return null;
    }

    /**
     * Another subset than the amounts just before the sum must match on its printed figures (within the sum's own
     * rounding, once more for each amount printed with decimals), not merely overlap: whole-number amounts ("42万元")
     * have intervals wide enough to let some subset overlap almost any sum.
     */
    private static boolean closeEnough(List<Item> subset, Quantity total, Quantity target) {
        long rounded = subset.stream().filter(i -> i.value().decimals() > 0).count();
        BigDecimal slack = target.unit().multiply(BigDecimal.valueOf(rounded + 1)).divide(BigDecimal.valueOf(2));
        return total.value().subtract(target.value()).abs().compareTo(slack) <= 0;
    }

    private static Quantity total(List<Item> items, int groupSign) {
        return Quantity.sum(items.stream().map(i -> i.signed(groupSign)).toList());
    }

    private void record(Checks checks, List<Item> items, Item sum, Quantity target, int groupSign,
                               boolean holds) {
        Quantity computed = total(items, groupSign);
        Comparison cmp = holds
                ? new Comparison(computed, target, computed.value().compareTo(target.value()) == 0 ? Verdict.HOLDS
                : Verdict.WITHIN_ROUNDING, null, BigDecimal.ZERO)
                : Comparison.of(computed, target, descriptor().severity());
        List<Quantity> operands = new ArrayList<>();
        operands.add(sum.value());
        items.forEach(i -> operands.add(i.value()));
        String listed = String.join("、", items.stream().map(i -> Findings.plain(i.signed(groupSign).value())).toList());
        checks.add(cmp, () -> "“" + sum.value().label() + Findings.plain(sum.value().value()) + "万元”与其前所列金额(" + listed + ")之和"
                        + Findings.plain(computed.value()) + "万元不符。",
                () -> "The stated sum “" + sum.value().label() + " " + Findings.plain(sum.value().value())
                        + "” is not the sum of the amounts listed before it (" + listed.replace("、", ", ") + " = "
                        + Findings.plain(computed.value()) + ").",
                operands);
    }

    /**
     * The words of the clause in front of a figure: after its last clause break ({@code (?<!\d),|,(?!\d)|[:;、。]}, a
     * comma not between two digits or a stop) that is not its last character, read from the end.
     */
    static String clause(String before) {
        for (int i = before.length() - 2; i >= 0; i--) {
            char c = before.charAt(i);
            if (":;、。".indexOf(c) >= 0
                    || c == ',' && (i == 0 || !isDigit(before.charAt(i - 1)) || !isDigit(before.charAt(i + 1)))) {
                return before.substring(i + 1);
            }
        }
        return before;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static int direction(String clause) {
        int lastUp = lastMatch(clause, UP_WORDS, UP_STARTS);
        int lastDown = lastMatch(clause, DOWN_WORDS, DOWN_STARTS);
        return lastUp < 0 && lastDown < 0 ? 0 : lastUp > lastDown ? 1 : -1;
    }

    /**
     * The start of the last match that {@code Matcher.find()} repeated finds for the alternation of {@code words} (in
     * their order): leftmost first, the first word that matches there, the search going on after its end; -1 for none.
     * {@code starts}: the words' first characters, the only offsets tried.
     */
    private static int lastMatch(String s, List<String> words, String starts) {
        int last = -1;
        int i = 0;
        while (i < s.length()) {
            int next = i;
            if (starts.indexOf(s.charAt(i)) >= 0) {
                for (String w : words) {
                    if (s.startsWith(w, i)) {
                        last = i;
                        next = i + w.length() - 1;
                        break;
                    }
                }
            }
            i = next + 1;
        }
        return last;
    }

    /** The words of {@link #UP} and {@link #DOWN} in their alternations' order, and the characters they begin with. */
    private static final List<String> UP_WORDS = List.of(UP.pattern().split("\\|"));
    private static final List<String> DOWN_WORDS = List.of(DOWN.pattern().split("\\|"));
    private static final String UP_STARTS = "增新追上提";
    private static final String DOWN_STARTS = "减下降追节压";

    private static int sentenceIndex(String line, int offset) {
        int n = 0;
        for (int i = 0; i < offset; i++) {
            char c = line.charAt(i);
            if (c == '。' || c == ';') {
                n++;
            }
        }
        return n;
    }
}
