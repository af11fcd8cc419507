package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The hand-read cell kinds ({@link CellKind}) agree with the patterns the table readers and the performance reader
 * matched each cell with, on every cell of every sample and on random cells made of digits, signs, separators and
 * words.
 */
class CellKindTest {

    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,2}(\\.\\d+)?");

    @Test
    void figuresCodesAndScoresReadAsThePatternsReadThem() {
        assertThat(CellKind.isNumber("1,234.56")).isTrue();
        assertThat(CellKind.isNumber("-0.5")).isTrue();
        assertThat(CellKind.isNumber("12,34")).isFalse();
        assertThat(CellKind.isNumber("1.")).isFalse();
        assertThat(CellKind.isCode("2010301")).isTrue();
        assertThat(CellKind.isCode("20103011")).isFalse();
        assertThat(CellKind.isSmallNumber("95.5")).isTrue();
        assertThat(CellKind.isSmallNumber("100")).isFalse();
        assertThat(CellKind.isDecimal("-12.5")).isTrue();
        assertThat(CellKind.isDecimal("1,234")).isFalse();
        assertThat(CellKind.isTableNumber("表十二")).isTrue();
        assertThat(CellKind.isTableNumber("表")).isFalse();
    }

    @Test
    void everySampleCellAndRandomCellIsReadAsThePatternsReadIt() {
        List<String> cells = new ArrayList<>();
        for (String line : ParserTexts.sampleLines()) {
            for (String cell : line.split("[|\t]", -1)) {
                cells.add(cell.strip());
                cells.add(cell.strip().replace(",", ""));
            }
        }
        cells.addAll(ParserTexts.random("0123456789,.- 万元a", 100_000, 12, new Random(15)));
        cells.addAll(ParserTexts.random("表一二三十九四 1", 20_000, 5, new Random(15)));
        int numbers = 0;
        for (String cell : cells) {
            boolean number = TableReader.NUMBER.matcher(cell).matches();
            assertThat(CellKind.isNumber(cell)).as("number [%s]", cell).isEqualTo(number);
            assertThat(CellKind.isCode(cell)).as("code [%s]", cell).isEqualTo(TableReader.CODE.matcher(cell).matches());
            assertThat(CellKind.isSmallNumber(cell)).as("small [%s]", cell)
                    .isEqualTo(SMALL_NUMBER.matcher(cell).matches());
            assertThat(CellKind.isDecimal(cell)).as("decimal [%s]", cell)
                    .isEqualTo(PerformanceExtractor.DECIMAL.matcher(cell).matches());
            assertThat(CellKind.isTableNumber(cell)).as("table number [%s]", cell)
                    .isEqualTo(FlatTableReader.TABLE_NUMBER.matcher(cell).matches());
            numbers += number ? 1 : 0;
        }
        assertThat(numbers).as("figures compared").isGreaterThan(5_000);
    }
}
