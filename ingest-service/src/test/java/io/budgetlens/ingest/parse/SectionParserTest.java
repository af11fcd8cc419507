package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.Section;

/** Headings of the four numbering levels, in both widths, with parents and empty headings. */
class SectionParserTest {

    @Test
    void buildsTheTreeAndMarksHeadingsWithoutContentEmpty() {
        String text = """
                ## 一、部门决算情况
                (一)部门收支总体情况
                (二)财政拨款收支总体情况
                2024年度财政拨款收入总计3027.5万元。
                1.收入情况。收入合计606.04万元。
                (1)一般公共服务支出507.69万元,占83.8%。
                二、“三公”经费情况
                (一)机关运行经费。我单位不在机关运行经费统计范围之内。
                (二)无其他重要事项说明。
                三、专业名词解释
                """;
        List<Section> sections = SectionParser.parse(text);
        assertThat(sections).extracting(Section::number).containsExactly("一、", "(一)", "(二)", "1.", "(1)", "二、",
                "(一)", "(二)", "三、");
        assertThat(sections).extracting(Section::level).containsExactly(1, 2, 2, 3, 4, 1, 2, 2, 1);
        assertThat(sections.get(1).title()).isEqualTo("部门收支总体情况");
        assertThat(sections.get(1).empty()).isTrue();
        assertThat(sections.get(2).empty()).isFalse();
        assertThat(sections.get(3).parentId()).isEqualTo(sections.get(2).id());
        assertThat(sections.get(4).parentId()).isEqualTo(sections.get(3).id());
        assertThat(sections.get(6).title()).isEqualTo("机关运行经费");
        assertThat(sections.get(7).empty()).as("a heading that is a whole sentence is content").isFalse();
        assertThat(sections.get(8).empty()).as("no text and no subsection").isTrue();
        assertThat(text.substring(sections.get(5).start(), sections.get(5).end())).startsWith("二、“三公”经费情况")
                .doesNotContain("专业名词");
    }

    @Test
    void theShortcutsReadEverySampleLineAndRandomLinesAsThePatternsDo() {
        List<String> lines = new ArrayList<>(ParserTexts.sampleLines());
        lines.addAll(ParserTexts.random("#*- \t\u000B\f(一十1.、)中3", 50_000, 9, new Random(15)));
        int headings = 0;
        for (String line : lines) {
            String clean = SectionParser.DECORATION.matcher(line.strip()).replaceAll("").strip();
            assertThat(SectionParser.undecorated(line.strip())).as("[%s]", line).isEqualTo(clean);
            boolean numbered = false;
            for (int level = 0; level < SectionParser.LEVELS.length; level++) {
                boolean matches = SectionParser.LEVELS[level].matcher(clean).matches();
                numbered |= matches;
                if (matches) {
                    assertThat(SectionParser.mayOpen(level, clean.charAt(0))).as("level %d [%s]", level, line).isTrue();
                }
            }
            if (numbered) {
                headings++;
                assertThat(SectionParser.mayNumber(clean.charAt(0))).as("[%s]", line).isTrue();
            }
        }
        assertThat(headings).as("numbered lines").isGreaterThan(1_000);
    }

    /**
     * The headings read by hand ({@link SectionParser#heading}) are the {@link SectionParser#LEVELS} patterns' whole
     * matches, with the same number and rest: on every sample line (stripped and undecorated) and on random lines.
     */
    @Test
    void theHandReadHeadingsAreThePatternsMatches() {
        List<String> lines = new ArrayList<>();
        ParserTexts.sampleLines().forEach(line -> lines.add(SectionParser.undecorated(line.strip())));
        Random random = new Random(20);
        lines.addAll(ParserTexts.random("一二十(（)） 、.．123\t\r\n\u0085\u2028\u2029\u000B中x", 100_000, 12, random));
        lines.addAll(ParserTexts.random("(一二) 、.12\r", 50_000, 8, random));
        int matched = 0;
        for (String line : lines) {
            for (int level = 0; level < SectionParser.LEVELS.length; level++) {
                java.util.regex.Matcher m = SectionParser.LEVELS[level].matcher(line);
                String[] expected = m.matches() ? new String[] {m.group(1), m.group(2)} : null;
                assertThat(SectionParser.heading(level, line)).as("level %d [%s]", level, line).isEqualTo(expected);
                matched += expected == null ? 0 : 1;
            }
        }
        assertThat(matched).as("headings compared").isGreaterThan(3_000);
    }
}
