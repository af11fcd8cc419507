package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One flattened cell per line: the hand scans read every line as the pattern and the stripped copy they replaced did.
 */
class FlatTableCellTest {

    /** The pattern the scan replaced, applied as it was: to the stripped line. */
    private static final Pattern CELL = Pattern.compile("^(.*?)\\s*\\|([\\s|]*)$");

    @ParameterizedTest(name = "[{0}] is cell [{1}], row end {2}")
    @CsvSource(delimiter = ';', nullValues = "none", textBlock = """
            # line                   ; cell             ; row end
            522.61 |                 ; 522.61           ; false
            支出 | |||                ; 支出              ; true
            |                        ; ''               ; false
            '  一般公共服务支出  |  '    ; 一般公共服务支出    ; false
            a | b |                  ; a | b            ; false
            合计 ||                   ; 合计              ; true
            no pipe at the end       ; none             ; false
            """)
    void aLineEndingInAPipeIsACell(String line, String text, boolean rowEnd) {
        FlatTableReader.Cell cell = FlatTableReader.cell(line, 100);
        if (text == null) {
            assertThat(cell).isNull();
            return;
        }
        assertThat(cell.text()).isEqualTo(text);
        assertThat(cell.rowEnd()).isEqualTo(rowEnd);
        assertThat(cell.start()).isEqualTo(100);
        assertThat(cell.end()).isEqualTo(100 + line.length());
    }

    @Test
    void theScanAgreesWithThePatternOnEverySampleLineAndOnRandomLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> samples = Files.list(Path.of("..", "samples"))) {
            for (Path sample : samples.sorted().toList()) {
                lines.addAll(Files.readString(sample).lines().toList());
            }
        }
        String alphabet = "中a1. |\t\n\r\u000B\f\u0085\u2028\u3000";
        Random random = new Random(18);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            lines.add(line.toString());
        }
        int cells = 0;
        for (String line : lines) {
            // A pipe row: two or more of the pieces between the bars are not blank.
            long pieces = java.util.Arrays.stream(line.split("\\|", -1)).filter(p -> !p.isBlank()).count();
            assertThat(TableReader.isPipeRow(line)).as("[%s]", line).isEqualTo(pieces >= 2);
            Matcher m = CELL.matcher(line.strip());
            FlatTableReader.Cell cell = FlatTableReader.cell(line, 0);
            if (!m.matches()) {
                assertThat(cell).as("[%s]", line).isNull();
                assertThat(TableReader.isSingleCell(line)).as("[%s]", line)
                        .isEqualTo(line.strip().endsWith("|") && !TableReader.isPipeRow(line));
                continue;
            }
            cells++;
            assertThat(TableReader.isSingleCell(line)).as("[%s]", line)
                    .isEqualTo(line.strip().endsWith("|") && !TableReader.isPipeRow(line));
            assertThat(cell).as("[%s]", line).isNotNull();
            assertThat(cell.text()).as("[%s]", line).isEqualTo(m.group(1).strip());
            assertThat(cell.rowEnd()).as("[%s]", line).isEqualTo(!m.group(2).replace(" ", "").isEmpty());
        }
        assertThat(cells).as("lines that are cells").isGreaterThan(5_000);
    }
}
