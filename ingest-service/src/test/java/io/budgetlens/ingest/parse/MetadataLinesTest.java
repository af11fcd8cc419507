package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The metadata read from the lines the parser split once are those read from the text's own {@code String.lines()}:
 * on every sample and on random texts with line breaks at their ends, empty lines and CRs.
 */
class MetadataLinesTest {

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
}
