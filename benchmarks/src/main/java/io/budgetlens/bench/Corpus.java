package io.budgetlens.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Visibility;

/** Loads a corpus document from samples/ (run the benchmarks from the repository or the benchmarks folder). */
final class Corpus {

    private Corpus() {
    }

    static byte[] bytes(String name) {
        for (Path candidate : new Path[] {Path.of("samples", name), Path.of("..", "samples", name)}) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readAllBytes(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("samples/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    static DisclosureReceived received(String name) {
        byte[] content = bytes(name);
        String id = DocumentIds.of(content);
        String type = name.endsWith(".md") ? "text/markdown" : "text/plain";
        return new DisclosureReceived(id, type, null, null, name, content.length, id, Instant.EPOCH, Visibility.PUBLIC,
                content);
    }
}
