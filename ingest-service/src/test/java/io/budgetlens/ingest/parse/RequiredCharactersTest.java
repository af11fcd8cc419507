package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vocabulary's shortcut: a term is skipped only when its pattern could not have matched. */
class RequiredCharactersTest {

    @ParameterizedTest(name = "{0} needs one of {1}")
    @CsvSource(delimiter = ';', nullValues = "none", value = {
            "公务接待费?;公",
            "“?三公”?经费;三",
            "因公出国[(（]境[)）];因",
            "年末.{0,14}结转和结余|结转下年;年结",
            "[\\p{IsHan}]{2,}率(为|达到|达)?$;率",
            "国有资本经营预算(拨款|收入|资金);国",
            "拟?采购货物|货物采购;采货",
            // every alternative optional or inside a group: no shortcut, the pattern always runs
            "(经费|费用|项目|费)$;none",
            "拟?购?;none"})
    void eachAlternativeGivesTheFirstCharacterItCannotSkip(String regex, String required) {
        assertThat(RequiredCharacters.of(regex)).isEqualTo(required);
    }

    @ParameterizedTest(name = "{0} holds {1}")
    @CsvSource(delimiter = ';', nullValues = "none", textBlock = """
            # pattern                          ; per alternative, the words every match of it holds
            年末.{0,14}结转和结余|结转下年        ; [[年末, 结转和结余], [结转下年]]
            到位.{0,6}资金|资金到位               ; [[到位, 资金], [资金到位]]
            [\\p{IsHan}]{2,}率(为|达到|达)?$      ; [[率]]
            收、?支(预算|决算)?总计              ; [[收, 支, 总计]]
            公务用?车购置                        ; [[公务, 车购置]]
            预算+执行|执行率                     ; [[预算, 执行], [执行率]]
            预{2}算                             ; [[预, 算]]
            (经费|费)$                          ; none
            拟?购?                              ; none
            """)
    void eachAlternativeGivesTheWordsItCannotSkip(String regex, String words) {
        String[][] found = RequiredCharacters.words(regex);
        assertThat(found == null ? null : java.util.Arrays.deepToString(found)).isEqualTo(words);
    }

    /** A regex term is run only on a label holding its words: on random labels, the pattern never finds another. */
    @Test
    void aLabelWithoutTheWordsOfAnyAlternativeHasNoMatch() {
        int matched = 0;
        for (Vocabulary.Term term : Vocabulary.standard().terms()) {
            String regex = term.pattern().pattern();
            String[][] words = RequiredCharacters.words(regex);
            if (words == null) {
                continue;
            }
            for (String label : ParserTexts.random("年末初上结转和结余下到位资金执行率为达预算支出\n\r " + regex, 20_000, 30,
                    new Random(21))) {
                boolean found = term.pattern().matcher(label).find();
                if (found) {
                    assertThat(RequiredCharacters.holdsAll(label, words)).as("%s in [%s]", regex, label).isTrue();
                    matched++;
                }
            }
        }
        assertThat(matched).as("labels that match").isGreaterThan(2_000);
    }

    @ParameterizedTest(name = "{0} is the words {1}")
    @CsvSource(delimiter = ';', nullValues = "none", textBlock = """
            # pattern                          ; its words
            会议费                              ; [会议费]
            预算执行率|执行率                    ; [预算执行率, 执行率]
            公务接待费?                         ; [公务接待费, 公务接待]
            因公出国[(（]境[)）]                 ; [因公出国(境), 因公出国(境）, 因公出国（境), 因公出国（境）]
            国有资本经营预算(拨款|收入)           ; [国有资本经营预算拨款, 国有资本经营预算收入]
            收、?支(预算|决算)?总计              ; [收、支预算总计, 收、支决算总计, 收、支总计, 收支预算总计, 收支决算总计, 收支总计]
            支出|拨款支$                        ; [支出, 拨款支$]
            (经费|费)$                          ; [经费$, 费$]
            # escapes, counts, non-capturing groups, text after $: a regex
            年末.{0,14}结转和结余|结转下年        ; none
            [\\p{IsHan}]{2,}率(为|达到|达)?$      ; none
            (?:预算)+                           ; none
            a$b                                ; none
            """)
    void aPatternThatStandsForAFewWordsIsSearchedForAsThem(String regex, String words) {
        LiteralPattern found = LiteralPattern.of(regex);
        assertThat(found == null ? null : found.words().toString()).isEqualTo(words);
    }

    @Test
    void theWordsFindWhatThePatternFinds() {
        List<String> patterns = List.of("公务接待费?", "收、?支(预算|决算)?总计", "支出|拨款支$",
                "(经费|费用|项目|费)$", "“?三公”?经费");
        for (String label : ParserTexts.random("公务接待费经费项目支出拨款收、支预算决算总计\n\r\u2028 ", 20_000, 11,
                new Random(15))) {
            for (String regex : patterns) {
                int found = LiteralPattern.of(regex).find(label);
                if (found >= 0) {
                    assertThat(found == 1).as("%s in [%s]", regex, label)
                            .isEqualTo(Pattern.compile(regex).matcher(label).find());
                }
            }
        }
    }

    @Test
    void theShortcutNeverChangesWhichTermALabelGets() throws IOException {
        Vocabulary vocabulary = Vocabulary.standard();
        Random random = new Random(15);
        int labels = 0;
        int matched = 0;
        try (Stream<Path> samples = Files.list(Path.of("..", "samples"))) {
            for (Path sample : samples.sorted().toList()) {
                String text = Files.readString(sample);
                for (int i = 0; i < 20_000; i++) {
                    int start = random.nextInt(text.length());
                    String label = text.substring(start, Math.min(text.length(), start + 1 + random.nextInt(30)));
                    Optional<Vocabulary.Term> plain = vocabulary.terms().stream()
                            .filter(t -> t.pattern().matcher(label).find()).findFirst();
                    assertThat(vocabulary.term(label)).as(label).isEqualTo(plain);
                    labels++;
                    matched += plain.isPresent() ? 1 : 0;
                }
            }
        }
        // the sample is not trivial: many labels do name a term
        assertThat(labels).isEqualTo(100_000);
        assertThat(matched).isGreaterThan(10_000);
    }
}
