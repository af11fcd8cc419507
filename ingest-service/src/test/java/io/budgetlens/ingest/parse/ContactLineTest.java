package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/**
 * The contact line is read from the lines around each 联系 ({@link MetadataExtractor#contact}) as it was from every line
 * of the text: the same answer on every sample and on random texts of contact words, phones and line terminators.
 */
class ContactLineTest {

    /** What {@code contact} did before: every line of the text. */
    private static String everyLine(String text) {
        String found = null;
        for (String line : text.lines().toList()) {
            if (line.contains("|") || !(line.contains("联系人") || line.contains("联系方式") || line.contains("联系电话"))) {
                continue;
            }
            Matcher phone = MetadataExtractor.PHONE.matcher(line);
            if (!phone.find()) {
                continue;
            }
            Matcher person = MetadataExtractor.CONTACT_PERSON.matcher(line);
            found = person.find() ? person.group(1) + " " + phone.group(1) : phone.group(1);
        }
        return found;
    }

    @Test
    void theContactIsReadAsFromEveryLine() {
        assertThat(MetadataExtractor.contact("联系人:苏杨 联系电话:023-81222208\n其他")).isEqualTo("苏杨 023-81222208");
        List<String> texts = new ArrayList<>(ParserTexts.samples());
        Random random = new Random(15);
        String[] pieces = {"联系人:", "苏杨", "联系电话:", "联系方式", "联系", "023-81222208", "0571-8765432", " ", "|",
            "\n", "\r", "\r\n", "电话", "王"};
        int found = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            String expected = everyLine(text);
            assertThat(MetadataExtractor.contact(text)).as("[%s]", text).isEqualTo(expected);
            found += expected == null ? 0 : 1;
        }
        assertThat(found).as("texts with a contact").isGreaterThan(1_000);
    }
}
