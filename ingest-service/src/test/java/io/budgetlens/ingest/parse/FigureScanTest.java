package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/**
 * The figures read by hand ({@link FigureScan}) are the matches of {@link FactExtractor#FIGURE} that
 * {@code Matcher.find()} finds: the same offsets and groups, on every sample text, line and piece and on random text of
 * the characters the pattern cares about.
 */
class FigureScanTest {

    @Test
    void aFigureIsReadWithItsNumberDecimalsAndUnit() {
        String text = "支出1,234.5万元,较上年增加8.47%;编号.5元不是,12,34元,3 万 元,1,2345元,7万 x";
        assertThat(describe(FigureScan.all(text))).containsExactly(
                "2-11 [1,234.5万元] 1,234|5|万元", "17-22 [8.47%] 8|47|%", "34-37 [34元] 34|null|元",
                "38-43 [3 万 元] 3|null|万 元", "46-51 [2345元] 2345|null|元");
    }

    @Test
    void theScanAgreesWithThePatternOnEverySampleAndOnRandomText() {
        List<String> texts = new ArrayList<>(ParserTexts.samples());
        texts.addAll(ParserTexts.sampleLines());
        Random random = new Random(16);
        texts.addAll(ParserTexts.samplePieces(3_000, 60, random));
        texts.addAll(ParserTexts.random("0129,.% \t\r\n\u000B\f万元年中", 60_000, 24, random));
        texts.addAll(ParserTexts.random("01,.万元% ", 60_000, 16, random));
        int compared = 0;
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            Matcher m = FactExtractor.FIGURE.matcher(text);
            while (m.find()) {
                expected.add(describe(m));
            }
            assertThat(describe(FigureScan.all(text))).as("[%s]", text).isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).as("figures compared").isGreaterThan(20_000);
    }

    private static List<String> describe(List<MatchResult> found) {
        return found.stream().map(FigureScanTest::describe).toList();
    }

    private static String describe(MatchResult m) {
        StringBuilder out = new StringBuilder(m.start() + "-" + m.end() + " [" + m.group() + "]");
        assertThat(m.groupCount()).isEqualTo(3);
        for (int g = 1; g <= 3; g++) {
            out.append(g == 1 ? " " : "|").append(m.group(g));
            if (m.group(g) != null) {
                assertThat(m.group(g)).isEqualTo(m.group().substring(m.start(g) - m.start(), m.end(g) - m.start()));
            } else {
                assertThat(m.start(g)).isEqualTo(-1);
                assertThat(m.end(g)).isEqualTo(-1);
            }
        }
        return out.toString();
    }
}
