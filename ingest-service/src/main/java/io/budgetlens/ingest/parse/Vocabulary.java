package io.budgetlens.ingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.budgetlens.events.FundScope;

/**
 * The parser's Chinese vocabulary, kept in resources with English glosses: the controlled fact keys
 * ({@code budgetlens/fact-vocabulary.tsv}) and the functional classification names by 类 code
 * ({@code budgetlens/functional-classification.tsv}, year-versioned).
 */
public final class Vocabulary {

    /** One fact label: the pattern found in the label, the key, the fund scope (null: from context). */
    public record Term(Pattern pattern, String key, FundScope scope, String english) {
    }

    /** One functional 类: code, names (official first), valid fiscal years. */
    public record FunctionClass(String code, List<String> names, int since, Integer until, String english) {
    }

    private static final Vocabulary STANDARD = new Vocabulary(loadTerms(), loadFunctions());

    private final List<Term> terms;
    /** Per term, the characters one of which every match contains; null where the pattern gives none. */
    private final String[] required;
    /** Per term, the words its pattern stands for (searched without the regex engine); null for other patterns. */
    private final LiteralPattern[] words;
    /** Per term, the words every match of one of its alternatives holds ({@link RequiredCharacters#words}), or null. */
    private final String[][][] requiredWords;
    private final List<FunctionClass> functions;
    /** Every name of every 类, in the order of {@link #functions} and their names, with the 类 it names. */
    private final String[] functionNames;
    private final FunctionClass[] namedFunctions;

    private Vocabulary(List<Term> terms, List<FunctionClass> functions) {
        this.terms = terms;
        this.required = terms.stream().map(t -> RequiredCharacters.of(t.pattern().pattern())).toArray(String[]::new);
        this.words = terms.stream().map(t -> LiteralPattern.of(t.pattern().pattern())).toArray(LiteralPattern[]::new);
        this.requiredWords = terms.stream().map(t -> RequiredCharacters.words(t.pattern().pattern()))
                .toArray(String[][][]::new);
        this.functions = functions;
        this.functionNames = functions.stream().flatMap(f -> f.names().stream()).toArray(String[]::new);
        this.namedFunctions = functions.stream().flatMap(f -> f.names().stream().map(name -> f))
                .toArray(FunctionClass[]::new);
    }

    public static Vocabulary standard() {
        return STANDARD;
    }

    public List<Term> terms() {
        return terms;
    }

    public List<FunctionClass> functions() {
        return functions;
    }

    /**
     * The first term whose pattern occurs in the label. A term is skipped without running its pattern when the label
     * holds none of the characters one of which every match contains ({@link RequiredCharacters}): most labels hold
     * none of most terms' characters, and running every pattern on every label was 14 % of the parser's CPU (Wulong).
     * A pattern that stands for a few words ({@link LiteralPattern}) is searched for as those words, which finds the same
     * labels without the regex engine (its alternations were still 10 % of Wulong). Another pattern runs only on a
     * label that holds every word of one of its alternatives ({@code 年末.{0,14}结转和结余}: 年末 and 结转和结余).
     */
    public Optional<Term> term(String label) {
        long mask = RequiredCharacters.mask(label);
        for (int i = 0; i < required.length; i++) {
            Term t = terms.get(i);
            if (required[i] != null && !RequiredCharacters.anyIn(label, mask, required[i])) {
                continue;
            }
            if (words[i] == null && requiredWords[i] != null && !RequiredCharacters.holdsAll(label, requiredWords[i])) {
                continue;
            }
            int found = words[i] == null ? -1 : words[i].find(label);
            if (found == 1 || found < 0 && t.pattern().matcher(label).find()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The functional 类 whose name (or an older name, such as 医疗卫生与计划生育支出 for 210) occurs in the label; the
     * longest name wins. Older names map to the same code, so the fiscal year does not narrow the match.
     */
    public Optional<FunctionClass> function(String label) {
        FunctionClass best = null;
        int bestLength = 0;
        for (int i = 0; i < functionNames.length; i++) {
            String name = functionNames[i];
            if (name.length() > bestLength && name.length() <= label.length() && label.contains(name)) {
                best = namedFunctions[i];
                bestLength = name.length();
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Term> loadTerms() {
        List<Term> out = new ArrayList<>();
        for (String[] row : rows("budgetlens/fact-vocabulary.tsv")) {
            FundScope scope = "context".equals(row[2]) ? null : FundScope.valueOf(row[2]);
            out.add(new Term(Pattern.compile(row[0]), row[1], scope, row[3]));
        }
        return List.copyOf(out);
    }

    private static List<FunctionClass> loadFunctions() {
        List<FunctionClass> out = new ArrayList<>();
        for (String[] row : rows("budgetlens/functional-classification.tsv")) {
            List<String> names = new ArrayList<>();
            names.add(row[1]);
            if (!row[2].isBlank()) {
                names.addAll(List.of(row[2].split("\\|")));
            }
            out.add(new FunctionClass(row[0], List.copyOf(names), Integer.parseInt(row[3]),
                    row[4].isBlank() ? null : Integer.valueOf(row[4]), row[5]));
        }
        return List.copyOf(out);
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing vocabulary resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
