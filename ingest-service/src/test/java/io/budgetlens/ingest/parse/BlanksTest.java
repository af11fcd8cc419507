package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link Blanks} removes what the two patterns it replaced removed, on every sample line and on random text. */
class BlanksTest {

    @Test
    void cellsAndTitlesLoseTheirWhiteSpace() {
        String none = "项目支出";
        assertThat(Blanks.removed(none)).isSameAs(none);
        assertThat(Blanks.removed(" 科目 编码\t")).isEqualTo("科目编码");
        assertThat(Blanks.removed("类\u3000")).isEqualTo("类\u3000");
        assertThat(Blanks.removedWithIdeographic("收入\u3000总计 ")).isEqualTo("收入总计");
    }

    @Test
    void everySampleLineAndRandomTextIsSquashedAsThePatternsSquashedIt() {
        List<String> texts = new ArrayList<>(ParserTexts.sampleLines());
        texts.addAll(ParserTexts.random(" \t\n\u000B\f\r\u3000\u00A0\u2003a类款1", 50_000, 10, new Random(15)));
        for (String text : texts) {
            assertThat(Blanks.removed(text)).as(text).isEqualTo(text.replaceAll("\\s+", ""));
            assertThat(Blanks.removedWithIdeographic(text)).as(text).isEqualTo(text.replaceAll("[\\s\\u3000]+", ""));
        }
    }
}
