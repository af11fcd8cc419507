package io.budgetlens.ingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Classifies a table by meaning into the standard types of the genre (docs/events.md), and a document into its
 * template family. Titles vary by place (“单位收支总表”, “2025年部门财务收支预算总表”, “收入支出决算总表”), so the title
 * patterns of {@code budgetlens/table-templates.tsv} are tried in order; a table without a telling title is
 * classified from its headings (科目编码 + 人员经费 → basic expenditure…).
 */
public final class TableClassifier {

    private record Rule(String key, Pattern pattern) {
    }

    private static final List<Rule> TYPES = new ArrayList<>();
    private static final List<Rule> FAMILIES = new ArrayList<>();

    static {
        for (String[] row : rows("budgetlens/table-templates.tsv")) {
            Rule rule = new Rule(row[1], Pattern.compile(row[2]));
            switch (row[0]) {
                case "type" -> TYPES.add(rule);
                case "family" -> FAMILIES.add(rule);
                default -> throw new IllegalStateException("table-templates.tsv: unknown row kind " + row[0]);
            }
        }
    }

    private TableClassifier() {
    }

    /** A title as the patterns see it: no spaces, ASCII brackets. */
    static String squash(String title) {
        return title == null ? "" : Blanks.removedWithIdeographic(title).replace('（', '(').replace('）', ')');
    }

    public static String classify(String title, String[] header) {
        String t = squash(title);
        String h = header == null ? "" : Arrays.stream(header).filter(Objects::nonNull).collect(Collectors.joining(" "));
        if ((t + " " + h).contains("索引号") || (t + " " + h).contains("发布机构")) {
            return "HEADER_BLOCK";
        }
        if (!t.isEmpty()) {
            for (Rule rule : TYPES) {
                if (rule.pattern().matcher(t).find()) {
                    return rule.key();
                }
            }
        }
        // No telling title: the headings.
        if (h.contains("因公出国")) {
            return "THREE_PUBLIC";
        }
        if (h.contains("人员经费") && h.contains("公用经费") || h.contains("经济分类科目")) {
            return "GPB_BASIC_EXPENDITURE";
        }
        if (h.contains("功能分类科目") && h.contains("基本支出")) {
            return "GPB_EXPENDITURE";
        }
        return "UNKNOWN";
    }

    /** The template family whose markers the titles, 目录 entries and labels show most (at least one), or null. */
    public static String family(Collection<String> titles) {
        Map<String, Set<Pattern>> found = new LinkedHashMap<>();
        for (String title : titles) {
            String t = squash(title);
            if (t.isEmpty()) {
                continue;
            }
            for (Rule rule : FAMILIES) {
                if (rule.pattern().matcher(t).find()) {
                    found.computeIfAbsent(rule.key(), k -> new HashSet<>()).add(rule.pattern());
                }
            }
        }
        return found.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = TableClassifier.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
