package io.budgetlens.ingest.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Texts for the tests that hold a hand-written shortcut to the pattern it replaced: the samples and random text. */
final class ParserTexts {

    private ParserTexts() {
    }

    /** The text of every sample, in file-name order. */
    static List<String> samples() {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("..", "samples"))) {
            for (Path sample : samples.sorted().toList()) {
                texts.add(Files.readString(sample));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** Every line of every sample. */
    static List<String> sampleLines() {
        List<String> lines = new ArrayList<>();
        samples().forEach(text -> lines.addAll(text.lines().toList()));
        return lines;
    }

    /** {@code count} strings of up to {@code maxLength} characters drawn from {@code alphabet}. */
    static List<String> random(String alphabet, int count, int maxLength, Random random) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** {@code perSample} pieces of each sample, of 1 to {@code maxLength} characters from a random offset. */
    static List<String> samplePieces(int perSample, int maxLength, Random random) {
        List<String> pieces = new ArrayList<>();
        for (String text : samples()) {
            for (int i = 0; i < perSample; i++) {
                int start = random.nextInt(text.length());
                pieces.add(text.substring(start, Math.min(text.length(), start + 1 + random.nextInt(maxLength))));
            }
        }
        return pieces;
    }
}
