package io.budgetlens.ingest.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The lines of a test data file on the class path, without blank lines and {@code #} comments. */
final class DataLines {

    private DataLines() {
    }

    static List<String> of(String resource) {
        InputStream in = DataLines.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no test data " + resource + " on the class path");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
