package io.budgetlens.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.ingest.decode.DocumentReader;
import io.budgetlens.ingest.parse.DisclosureParser;

/** The sample disclosures of {@code samples/} and the real parser, as the ingest parser stage runs it. */
final class Samples {

    static final List<String> FILES = List.of("banan-2024-budget.md", "jiangjin-2024-final-accounts.txt",
            "qianjiang-2024-budget.txt", "rongchang-2025-unit-budget.txt", "wulong-2020-final-accounts.txt");

    private static final DisclosureParser PARSER = new DisclosureParser(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private Samples() {
    }

    static byte[] bytes(String file) {
        return read(Path.of("..", "samples", file));
    }

    /** The bytes of a file the test needs (a sample or a shared PDF); a test error when it cannot be read. */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String contentType(String file) {
        return file.endsWith(".md") ? "text/markdown" : "text/plain";
    }

    /** The document as the parser decodes it: normalised text and the map back to the text as printed. */
    static DecodedDocument decode(String file, byte[] content) {
        return DocumentReader.read(content, contentType(file), null);
    }

    static DisclosureParsed parse(String file, byte[] content) {
        String id = DocumentIds.of(content);
        return PARSER.parse(new DisclosureReceived(id, contentType(file), null, null, file, content.length, id,
                Instant.EPOCH, Visibility.PUBLIC, content));
    }
}
