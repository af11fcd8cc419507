package io.budgetlens.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.TableRow;
import io.budgetlens.ingest.decode.DecodedDocument;
import io.budgetlens.validation.rules.RuleEngine;

/** Mutation test over the printed text of the samples. */
class MutationTest {

    private final RuleEngine engine = RuleEngine.standard(Clock.systemUTC());

    @Test
    void changedFiguresAreCaught() throws IOException {
        List<Mutant> mutants = new ArrayList<>();
        for (String file : Samples.FILES) {
            byte[] content = Samples.bytes(file);
            DecodedDocument decoded = Samples.decode(file, content);
            DisclosureParsed parsed = Samples.parse(file, content);
            assertThat(parsed.text()).isEqualTo(decoded.text());
            Set<String> baseline = Mutant.baseline(engine.validate(parsed));
            for (PrintedFigure figure : PrintedFigure.of(parsed.text())) {
                if (identifier(parsed, figure)) {
                    continue;
                }
                mutants.add(Mutant.run(file, decoded, figure, engine, baseline));
            }
        }
        StringBuilder report = new StringBuilder();
        int caught = 0;
        for (Mutant m : mutants) {
            caught += m.caught() ? 1 : 0;
            report.append(m.file()).append('\t').append(m.figure().line()).append('\t').append(m.figure().kind())
                    .append('\t').append(m.figure().printed()).append('\t').append(m.caught() ? String.join(",",
                            m.caughtBy()) : "MISSED").append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "mutation-report.tsv"), report, StandardCharsets.UTF_8);
        System.out.printf("Mutation test: %d of %d caught%n", caught, mutants.size());
    }

    /** A classification code or a long identifier (phone number) printed in a table: not a figure. */
    static boolean identifier(DisclosureParsed parsed, PrintedFigure figure) {
        if (figure.kind() != PrintedFigure.Kind.CELL) {
            return false;
        }
        if (figure.printed().matches("\\d{8,}")) {
            return true;
        }
        for (DisclosureTable table : parsed.tables()) {
            for (TableRow row : table.rows()) {
                if (row.start() != null && row.start() <= figure.start() && figure.end() <= row.end()
                        && figure.printed().equals(row.code())) {
                    return true;
                }
            }
        }
        return false;
    }
}
