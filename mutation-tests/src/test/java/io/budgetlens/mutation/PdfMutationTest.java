package io.budgetlens.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.Box;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.DisclosureValidated;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.Finding;
import io.budgetlens.events.ParseStatus;
import io.budgetlens.events.ParsedPart;
import io.budgetlens.events.TableRow;
import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.ingest.decode.DocumentReader;
import io.budgetlens.ingest.decode.pdf.GlyphEdit;
import io.budgetlens.ingest.decode.pdf.PdfText;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.validation.rules.RuleEngine;

/**
 * The mutation test of issue 14 on the shared real PDFs (the disclosures of {@link SharedPdfFindingsTest}, Jiangsu's
 * two files read as one document): one printed figure at a time — an amount or percentage of the narrative, or a
 * numeric table cell, found in the unchanged parsed document — is changed <em>in the PDF as read</em>: its glyphs on
 * the page print other digits ({@link GlyphEdit}) and keep their boxes, so the narrative, the table grids and the
 * positions all see the changed figure. The change is +7 in the figure's own scale, or −7 (then +3) where +7 would add
 * a digit. The changed document is parsed and validated; the change is caught when a new WARNING or ERROR quotes the
 * changed figure ({@link Mutant#caughtBy}); {@link Catchability} decides from the unchanged document whether it can be
 * caught at all. A fixed-seed sample of {@value #DEFAULT_SAMPLE} figures per disclosure keeps the run short
 * ({@code -Dbudgetlens.mutation.pdfSample=N} for more); the uncatchable changes of the default sample are committed in
 * {@code uncatchable-pdf.tsv}. Skipped when the shared PDFs are not on the machine.
 */
class PdfMutationTest {

    /** Figures per disclosure (8 disclosures): the test stays well under five minutes on the shared 2-core machine. */
    static final int DEFAULT_SAMPLE = 30;
    static final long SEED = 14;
    /**
     * Measured on the default sample (206 / 208 and 206 / 211, see mutation-tests/README.md): above issue 14's 98 %,
     * the two misses listed there. Raise them when the rules get better, never lower them silently.
     */
    static final double CATCHABLE_FLOOR = 0.99;
    static final double ALL_FLOOR = 0.97;
    static final Path UNCATCHABLE = Path.of("src", "test", "resources", "uncatchable-pdf.tsv");
    private static final List<BigDecimal> DELTAS = List.of(BigDecimal.valueOf(7), BigDecimal.valueOf(-7),
            BigDecimal.valueOf(3));

    private static final DisclosureParser PARSER = new DisclosureParser(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private static final RuleEngine RULES = RuleEngine.standard(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @Test
    void changedFiguresInTheSharedPdfsAreCaught() throws IOException {
        Path folder = SharedPdfFindingsTest.folder();
        assumeTrue(folder != null, "The shared PDFs (shared/corpus-pdf beside the repository, or "
                + "-Dbudgetlens.corpus-pdf) are not on this machine: the mutation test on real PDFs is not run.");
        int sample = Integer.getInteger("budgetlens.mutation.pdfSample", DEFAULT_SAMPLE);
        long began = System.nanoTime();
        String loadBefore = loadAverage();
        List<String> report = new ArrayList<>();
        List<String> uncatchable = new ArrayList<>();
        List<String> populations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Score score = Score.NONE;
        int population = 0;
        for (Object[] disclosure : SharedPdfFindingsTest.disclosures().map(a -> a.get()).toList()) {
            String name = (String) disclosure[0];
            @SuppressWarnings("unchecked")
            List<String> files = (List<String>) disclosure[1];
            DisclosureReceived received = SharedPdfFindingsTest.received(folder, files);
            DisclosureParsed parsed = PARSER.parse(received);
            assertThat(parsed.status()).as("%s %s", name, parsed.rejectionReasons()).isEqualTo(ParseStatus.PARSED);
            Map<String, Part> parts = parts(folder, files, parsed);
            DisclosureValidated unchanged = RULES.validate(parsed);
            Set<String> baseline = Mutant.baseline(unchanged);
            List<Finding> anomalies = unchanged.findings().stream().filter(f -> f.severity().isAnomaly()).toList();
            Catchability catchability = new Catchability(parsed, anomalies);
            List<PrintedFigure> figures = new ArrayList<>(PrintedFigure.of(parsed.text()).stream()
                    .filter(f -> !MutationTest.identifier(parsed, f)).toList());
            populations.add(name + ": " + figures.size());
            population += figures.size();
            if (figures.size() > sample) {
                Collections.shuffle(figures, new Random(SEED));
                figures = new ArrayList<>(figures.subList(0, sample));
                figures.sort((a, b) -> Integer.compare(a.start(), b.start()));
            }
            for (PrintedFigure printed : figures) {
                PrintedFigure figure = sameWidth(printed);
                if (figure == null) {
                    problems.add(name + " " + printed.printed() + ": no change keeps its digits");
                    continue;
                }
                Part part = partOf(parts, figure);
                GlyphEdit edit = part.edit(figure);
                DisclosureParsed changed = PARSER.parseEdited(received, edit);
                if (changed.status() != ParseStatus.PARSED) {
                    problems.add(name + " " + figure.printed() + ": " + changed.rejectionReasons());
                    continue;
                }
                if (!changed.text().equals(figure.applyTo(parsed.text()))) {
                    problems.add(name + " " + figure.printed() + ": the changed PDF reads differently elsewhere");
                    continue;
                }
                if (figure.kind() == PrintedFigure.Kind.CELL && !inTable(changed, figure)) {
                    problems.add(name + " " + figure.printed() + ": the changed cell is not in the changed table");
                    continue;
                }
                Set<String> caughtBy = Mutant.caughtBy(changed, figure, RULES, baseline);
                Catchability.Decision decision = catchability.decide(figure);
                score = score.count(!caughtBy.isEmpty(), decision.catchable());
                String where = part.where(figure);
                if (!decision.catchable()) {
                    uncatchable.add(String.join("\t", name, where, figure.printed(), figure.changed(),
                            decision.reason().name(), decision.relation(), figure.textBefore(parsed.text())));
                }
                report.add(String.join("\t", name, where, figure.kind().name(), figure.printed(), figure.changed(),
                        caughtBy.isEmpty() ? "missed" : String.join(",", caughtBy),
                        decision.catchable() ? "catchable" : decision.reason().name(),
                        figure.textBefore(parsed.text())));
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        String summary = String.format(Locale.ROOT, "PDF mutation test: %d of %d catchable changes caught (%.1f %%);"
                + " %d of all %d changes (%.1f %%); %d uncatchable; sample %d per disclosure of %d figures (%s);"
                + " %.0f s; load average %s before, %s after; %d processors", score.caughtCatchable(),
                score.catchable(), 100 * score.catchableRate(), score.caught(), score.all(), 100 * score.allRate(),
                score.uncatchable(), sample, population,
                String.join(", ", populations), seconds, loadBefore, loadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "pdf-mutation-report.tsv"), "# " + summary + "\n"
                + "# disclosure\twhere\tkind\tfigure\tchanged\tcaught by\tcatchability\ttext before the figure\n"
                + String.join("\n", report) + "\n", StandardCharsets.UTF_8);

        assertThat(problems).as("changes the PDF reading did not make as asked").isEmpty();
        if (sample == DEFAULT_SAMPLE) {
            Score.assertUncatchableAsCommitted(UNCATCHABLE, header() + String.join("\n", uncatchable) + "\n",
                    "the uncatchable changes of the PDF sample");
        }
        score.assertAtLeast(CATCHABLE_FLOOR, ALL_FLOOR);
    }

    /** +7, or −7 or +3 where +7 would add a digit: the changed figure prints in the same glyphs' places. */
    static PrintedFigure sameWidth(PrintedFigure figure) {
        for (BigDecimal delta : DELTAS) {
            PrintedFigure f = figure.withDelta(delta);
            String changed = f.changed();
            if (!changed.startsWith("-") && changed.length() == figure.printed().length()) {
                return f;
            }
        }
        return null;
    }

    /** One file of the disclosure: its bytes' hash, its decoded text and positions, its range of the parsed text. */
    private record Part(String file, String sha256, DecodedDocument decoded, int start, int end) {

        /** The figure's characters, as printed, each with its page and box; glyphs sharing a box are one region. */
        GlyphEdit edit(PrintedFigure figure) {
            PdfText.Positions positions = decoded.pdf().positions();
            String printedText = decoded.originalText();
            String changed = figure.changed();
            List<GlyphEdit.Region> regions = new ArrayList<>();
            int page = 0;
            Box box = null;
            StringBuilder from = new StringBuilder();
            StringBuilder to = new StringBuilder();
            int previous = -1;
            for (int i = figure.start(); i < figure.end(); i++) {
                int o = decoded.originalOffset(i - start);
                if (previous >= 0 && o != previous + 1 || positions.page()[o] == 0) {
                    throw new IllegalStateException(file + ": " + figure.printed() + " is not printed glyph by glyph");
                }
                previous = o;
                char was = printedText.charAt(o);
                char now = changed.charAt(i - figure.start());
                if (was >= '\uFF10' && was <= '\uFF19' || was == '\uFF0C' || was == '\uFF0E') {
                    now = (char) (now + 0xFEE0); // full-width digits stay full-width
                }
                if (positions.page()[o] != page || !Objects.equals(positions.box()[o], box)) {
                    if (from.length() > 0) {
                        regions.add(new GlyphEdit.Region(page, box, from.toString(), to.toString()));
                    }
                    page = positions.page()[o];
                    box = positions.box()[o];
                    from.setLength(0);
                    to.setLength(0);
                }
                from.append(was);
                to.append(now);
            }
            regions.add(new GlyphEdit.Region(page, box, from.toString(), to.toString()));
            return new GlyphEdit(sha256, regions);
        }

        /** File and page of the figure. */
        String where(PrintedFigure figure) {
            return file + " p." + decoded.pdf().positions().page()[decoded.originalOffset(figure.start() - start)];
        }
    }

    /** Each file decoded alone as the parser decodes it, with its range of the joined parsed text. */
    private static Map<String, Part> parts(Path folder, List<String> files, DisclosureParsed parsed) {
        Map<String, Part> parts = new HashMap<>();
        for (String file : files) {
            byte[] bytes = Samples.read(folder.resolve(file + ".pdf"));
            String sha = DocumentIds.of(bytes);
            DecodedDocument decoded = DocumentReader.read(bytes, "application/pdf", null);
            int start = 0;
            int end = parsed.text().length();
            if (parsed.parts() != null) {
                ParsedPart p = parsed.parts().stream().filter(x -> x.sha256().equals(sha)).findFirst().orElseThrow();
                start = p.start();
                end = p.end();
            }
            assertThat(parsed.text().substring(start, end)).as("%s read alone and in its document", file)
                    .isEqualTo(decoded.text());
            parts.put(file, new Part(file, sha, decoded, start, end));
        }
        return parts;
    }

    private static Part partOf(Map<String, Part> parts, PrintedFigure figure) {
        return parts.values().stream().filter(p -> p.start() <= figure.start() && figure.end() <= p.end())
                .findFirst().orElseThrow();
    }

    /** The changed table row shows the changed figure as one of its cells. */
    private static boolean inTable(DisclosureParsed changed, PrintedFigure figure) {
        for (DisclosureTable table : changed.tables()) {
            for (TableRow row : table.rows()) {
                if (row.start() != null && row.start() <= figure.start() && figure.end() <= row.end()
                        && row.cells().stream().anyMatch(c -> c.strip().equals(figure.changed()))) {
                    return true;
                }
            }
        }
        return changed.tables().stream().flatMap(t -> t.rows().stream())
                .noneMatch(r -> r.start() != null && r.start() <= figure.start() && figure.end() <= r.end());
    }

    private static String header() {
        return "# Changes of printed figures of the shared PDFs (the default sample of "
                + "PdfMutationTest) that no check can catch, decided by Catchability from the unchanged parsed "
                + "document (generated by PdfMutationTest; review changes).\n"
                + "# disclosure\tfile and page\tfigure\tchanged\treason\tdetail\ttext before the figure\n"
                + Catchability.legend();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
