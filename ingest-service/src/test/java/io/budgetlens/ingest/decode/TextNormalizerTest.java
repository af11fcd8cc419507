package io.budgetlens.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Full-width digits and punctuation become ASCII; the offset map leads back to the original characters. */
class TextNormalizerTest {

    @Test
    void foldsFullWidthFormsAndKeepsChinesePunctuation() {
        var n = TextNormalizer.normalize("增长８．４７％，（一）　占比９０．５９％。、");
        assertThat(n.text()).isEqualTo("增长8.47%,(一) 占比90.59%。、");
    }

    @Test
    void crLfBecomesLfAndOffsetsStillPointAtTheOriginal() {
        String original = "一、基本情况\r\n收入１２３．４万元\r\n";
        var n = TextNormalizer.normalize(original);
        assertThat(n.text()).isEqualTo("一、基本情况\n收入123.4万元\n");
        int at = n.text().indexOf("123.4");
        assertThat(original.substring(n.originalOffset(at), n.originalOffset(at + 5))).isEqualTo("１２３．４");
        assertThat(n.originalOffset(n.text().length())).isEqualTo(original.length());
    }
}
