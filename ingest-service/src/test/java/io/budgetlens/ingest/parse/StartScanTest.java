package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/**
 * The parser's patterns tried only at their start characters ({@link StartScan}) find exactly what
 * {@code Matcher.find()} finds: the same matches, groups and count, on every sample text and line and on random text
 * made of the characters the patterns care about.
 */
class StartScanTest {

    /** The figures' pattern tried at digits before 万, 元 or % (the parser reads figures by hand: FigureScan). */
    private static final StartScan FIGURES = new StartScan(FactExtractor.FIGURE, StartScan.DIGITS,
            StartScan.DIGITS + ",." + StartScan.REGEX_SPACE, "万元%");

    private static final List<StartScan> SCANS = List.of(FIGURES, MetadataExtractor.UNIT_CODES,
            DisclosureClassifier.SELF_NAMINGS, DocumentShape.PLACEHOLDERS, FactExtractor.BASES,
            FactExtractor.DIRECTIONS, DisclosureParser.KINDS, FactExtractor.FLATS,
            MetadataExtractor.TITLES, MetadataExtractor.YEARS);

    @Test
    void aFigureIsFoundAtADigitWhateverComesBeforeIt() {
        String line = "支出1,234.5万元,较上年增加8.47%;编号.5元不是,12,34元";
        List<String> found = matches(FIGURES, line);
        assertThat(found).isEqualTo(findAll(FIGURES, line));
        assertThat(found).extracting(d -> d.substring(0, d.indexOf('|')))
                .containsExactly("2@1,234.5万元", "17@8.47%", "34@34元");
    }

    @Test
    void theScanAgreesWithFindOnEverySampleAndOnRandomText() {
        List<String> texts = new ArrayList<>(ParserTexts.samples());
        texts.addAll(ParserTexts.sampleLines());
        texts.addAll(ParserTexts.random("0129,.% \t\r\n\u000B万元-年部门单位预算决收支总表财政拨款公开情况说明报告XxX×某*＊Aa中",
                30_000, 29, new Random(15)));
        texts.addAll(ParserTexts.random("较比与上年度决算数支出去一初预全调整相增加长升提高减少下降低持平保一致或() 2019",
                30_000, 17, new Random(15)));
        int matched = 0;
        for (StartScan scan : SCANS) {
            for (String text : texts) {
                List<String> expected = findAll(scan, text);
                assertThat(matches(scan, text)).as("%s in [%s]", scan.pattern(), text).isEqualTo(expected);
                assertThat(scan.count(text, Integer.MAX_VALUE)).isEqualTo(expected.size());
                matched += expected.size();
            }
        }
        assertThat(matched).as("matches compared").isGreaterThan(3_000);
    }

    /**
     * Within a region: {@code find(m, text, from, to)} finds what {@code find()} finds in the region [from, to) (the
     * flat statements between two figures of a sentence; with transparent bounds), on every sample line and on random
     * text, at random bounds; for the patterns of words and for those of a run of body characters before an end one.
     */
    @Test
    void theScanWithinARegionAgreesWithFindInThatRegion() {
        List<String> texts = new ArrayList<>(ParserTexts.sampleLines());
        Random random = new Random(15);
        texts.addAll(ParserTexts.random("较比与上年度2023持平保持一致基本,，相同无变化 ", 30_000, 24, random));
        texts.addAll(ParserTexts.random("0129,. \t%万元-年部", 30_000, 24, random));
        int matched = 0;
        for (StartScan scan : List.of(FactExtractor.FLATS, FactExtractor.BASES, FactExtractor.DIRECTIONS,
                FIGURES, MetadataExtractor.UNIT_CODES)) {
            for (String text : texts) {
                int from = random.nextInt(text.length() + 1);
                int to = from + random.nextInt(text.length() - from + 1);
                List<String> expected = new ArrayList<>();
                // Transparent bounds: a figure's lookbehind sees the digit before the region, as the scan's does.
                Matcher region = scan.pattern().matcher(text).region(from, to).useTransparentBounds(true)
                        .useAnchoringBounds(false);
                while (region.find()) {
                    expected.add(describe(region));
                }
                List<String> found = new ArrayList<>();
                Matcher m = scan.matcher(text);
                for (int next = from; scan.find(m, text, next, to); next = m.end()) {
                    found.add(describe(m));
                }
                assertThat(found).as("%s in [%s] %d-%d", scan.pattern(), text, from, to).isEqualTo(expected);
                if (!scan.hasStart(text, from, to)) {
                    assertThat(expected).as("no start character, no match: [%s] %d-%d", text, from, to).isEmpty();
                }
                matched += expected.size();
            }
        }
        assertThat(matched).as("matches compared").isGreaterThan(300);
    }

    /** Every match by the scan: start, the match, and each group. */
    private static List<String> matches(StartScan scan, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = scan.matcher(text);
        for (int from = 0; scan.find(m, text, from); from = Math.max(m.end(), m.start() + 1)) {
            out.add(describe(m));
        }
        return out;
    }

    /** Every match as successive {@code find()} calls give them. */
    private static List<String> findAll(StartScan scan, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = scan.pattern().matcher(text);
        while (m.find()) {
            out.add(describe(m));
        }
        return out;
    }

    private static String describe(Matcher m) {
        StringBuilder d = new StringBuilder().append(m.start()).append('@').append(m.group());
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null && !m.group(g).equals(m.group())) {
                d.append('|').append(g).append('=').append(m.group(g)).append('@').append(m.start(g));
            }
        }
        return d.toString();
    }
}
