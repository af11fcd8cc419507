package io.budgetlens.ingest.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The province-level divisions ({@code budgetlens/provinces.tsv}): a document's province is the one its department or
 * title starts with, by full name (江苏省, 上海市) or short name (中共江苏省委 → 江苏).
 */
final class Provinces {

    record Found(String fullName, int end) {
    }

    private static final List<String[]> NAMES = load();

    private Provinces() {
    }

    /** The province a name starts with, and where the name goes on after it; null when it starts with none. */
    static Found find(String name) {
        if (name == null) {
            return null;
        }
        for (String[] p : NAMES) {
            if (name.startsWith(p[0])) {
                return new Found(p[0], p[0].length());
            }
        }
        for (String[] p : NAMES) {
            if (name.startsWith(p[1])) {
                int end = p[1].length();
                // "江苏省委": the short name followed by 省/市 (the rest of the full name).
                String suffix = p[0].substring(p[1].length());
                if (!suffix.isEmpty() && name.startsWith(suffix, end)) {
                    end += suffix.length();
                }
                return new Found(p[0], end);
            }
        }
        return null;
    }

    private static List<String[]> load() {
        try (InputStream in = Provinces.class.getClassLoader().getResourceAsStream("budgetlens/provinces.tsv")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource budgetlens/provinces.tsv");
            }
            List<String[]> names = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        names.add(line.split("\t"));
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
