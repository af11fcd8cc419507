package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The province before a district found only where it can start is the pattern's {@code find()}; the metadata read
 * from the lines the parser split once are those read from the text's own {@code String.lines()}:
 * on every sample and on random texts with line breaks at their ends, empty lines and CRs.
 */
class MetadataShortcutsTest {

    @Test
    void theSplitLinesGiveTheSameMetadataAsTheTextsLines() {
        List<String> texts = new ArrayList<>(ParserTexts.samples());
        ParserTexts.samples().forEach(sample -> texts.add(sample.replace("\n", "\r\n")));
        texts.addAll(List.of("", "\n", "\n\n", "重庆市武隆区财政局2024年部门预算\n", "\r", "2024年\r部门决算\n\n"));
        texts.addAll(ParserTexts.random("\n\n\r 2024年度部门单位预算决重庆市区县财政局|:联系人电话023-12345678",
                5_000, 60, new Random(17)));
        for (String text : texts) {
            assertThat(MetadataExtractor.extract(text, text.split("\n", -1), ContentsDetector.Contents.NONE,
                    List.of("2024年部门预算表"))).as("[%s]", text)
                    .isEqualTo(MetadataExtractor.extract(text, ContentsDetector.Contents.NONE, List.of("2024年部门预算表")));
        }
    }

    @Test
    void theProvinceBeforeADistrictIsWhatThePatternFinds() {
        List<String> texts = new ArrayList<>(ParserTexts.samples());
        Random random = new Random(22);
        texts.addAll(ParserTexts.samplePieces(2_000, 80, random));
        texts.addAll(ParserTexts.random("重庆市省自治区江津区武隆县a1 \n\uD840\uDC00", 30_000, 30, random));
        int found = 0;
        for (String district : List.of("江津区", "武隆区", "区", "津区江", "", "\uD840\uDC00区")) {
            for (String text : texts) {
                Matcher plain = Pattern.compile("([\\p{IsHan}]{2,4}(?:省|市|自治区))" + Pattern.quote(district))
                        .matcher(text);
                Matcher fast = MetadataExtractor.provinceBefore(text, district);
                if (!plain.find()) {
                    assertThat(fast).as("%s in [%s]", district, text).isNull();
                    continue;
                }
                assertThat(fast).as("%s in [%s]", district, text).isNotNull();
                assertThat(fast.start() + "-" + fast.end() + " " + fast.group(1)).as("%s in [%s]", district, text)
                        .isEqualTo(plain.start() + "-" + plain.end() + " " + plain.group(1));
                found++;
            }
        }
        assertThat(found).as("provinces found").isGreaterThan(2_000);
    }
}
