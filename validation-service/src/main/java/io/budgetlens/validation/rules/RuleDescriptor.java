package io.budgetlens.validation.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.Severity;

/**
 * Catalogue entry of a rule: stable id (BAL-001…), bilingual title, the identity it checks, category, default
 * severity, the document kinds and scopes it applies to, and its family. The entries are data, in
 * {@code catalogue.tsv} next to this class; the rule class is named there ({@link #of(Class)}).
 */
public record RuleDescriptor(String id, String titleZh, String titleEn, String identity, Category category,
                             Severity severity, Set<DisclosureKind> kinds, Set<DisclosureScope> scopes) {

    /** The rule families of RULES.md, by id prefix. */
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("NAR", "NARRATIVE_ARITHMETIC"), Map.entry("CHG", "NARRATIVE_ARITHMETIC"),
            Map.entry("SHR", "NARRATIVE_ARITHMETIC"), Map.entry("DER", "NARRATIVE_ARITHMETIC"),
            Map.entry("CMP", "COMPARISON_WORDS"), Map.entry("BAL", "TABLES"), Map.entry("SRC", "TABLES"),
            Map.entry("SUM", "TABLES"), Map.entry("TBL", "TABLES"), Map.entry("XTB", "TABLES"),
            Map.entry("TPB", "TABLES"), Map.entry("DUP", "TABLES"), Map.entry("CODE", "TABLES"),
            Map.entry("PERF", "TABLES"), Map.entry("TXT", "UNITS_AND_TEXT_AGAINST_TABLES"),
            Map.entry("UNIT", "UNITS_AND_TEXT_AGAINST_TABLES"), Map.entry("HYG", "DOCUMENT_HYGIENE"),
            Map.entry("COMP", "COMPLETENESS"));

    /** The family of the rule (NARRATIVE_ARITHMETIC, COMPARISON_WORDS, TABLES, …), as RULES.md groups them. */
    @JsonProperty
    public String family() {
        return FAMILIES.getOrDefault(id.substring(0, id.indexOf('-')), "OTHER");
    }

    /** The catalogue entry of the rule a class checks; a class missing from catalogue.tsv is a programming error. */
    static RuleDescriptor of(Class<? extends Rule> rule) {
        RuleDescriptor descriptor = Catalogue.BY_RULE.get(rule.getSimpleName());
        if (descriptor == null) {
            throw new IllegalStateException(rule.getSimpleName() + " has no line in catalogue.tsv");
        }
        return descriptor;
    }

    /** Every entry of the catalogue, in its order. */
    static List<RuleDescriptor> all() {
        return List.copyOf(Catalogue.BY_RULE.values());
    }

    /**
     * catalogue.tsv, read once: # comments, a header line, then one line a rule — id, rule class, title_zh, title_en,
     * identity, category, severity, kinds and scopes (comma-separated).
     */
    private static final class Catalogue {

        static final Map<String, RuleDescriptor> BY_RULE = read();

        private static Map<String, RuleDescriptor> read() {
            try (InputStream in = RuleDescriptor.class.getResourceAsStream("catalogue.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("catalogue.tsv is missing from the classpath");
                }
                Map<String, RuleDescriptor> out = new LinkedHashMap<>();
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("id\t"))
                        .map(l -> l.split("\t", -1)).forEach(f -> out.put(f[1], new RuleDescriptor(f[0], f[2], f[3],
                                f[4], Category.valueOf(f[5]), Severity.valueOf(f[6]),
                                enums(DisclosureKind.class, f[7]), enums(DisclosureScope.class, f[8]))));
                return Collections.unmodifiableMap(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static <E extends Enum<E>> Set<E> enums(Class<E> type, String names) {
            EnumSet<E> set = EnumSet.noneOf(type);
            Arrays.stream(names.split(",")).map(String::strip).forEach(n -> set.add(Enum.valueOf(type, n)));
            return Collections.unmodifiableSet(set);
        }
    }
}
