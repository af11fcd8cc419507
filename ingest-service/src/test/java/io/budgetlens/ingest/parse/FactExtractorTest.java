package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;
import io.budgetlens.events.Section;

/** Change statements, shares, cause clauses and boilerplate, each in the shape the corpus prints them. */
class FactExtractorTest {

    private final FactExtractor extractor = new FactExtractor(Vocabulary.standard());

    private List<Fact> facts(String text, DisclosureKind kind, int year) {
        return extractor.extract(text, kind, year).facts();
    }

    @Test
    void changeAmountAndPercentAttachToTheirSubject() {
        List<Fact> facts = facts("2024年度财政拨款收入总计3027.5万元,支出总计3027.5万元。收支较上年增加236.34万元,增长8.47%。",
                DisclosureKind.FINAL_ACCOUNT, 2024);
        Fact income = facts.get(0);
        assertThat(income.key()).isEqualTo("income.total");
        assertThat(income.scope()).isEqualTo(FundScope.FISCAL_APPROPRIATION);
        assertThat(income.decimals()).isEqualTo(1);
        Fact change = facts.stream().filter(f -> f.change() != null).findFirst().orElseThrow();
        assertThat(change.change().amount()).isEqualByComparingTo("236.34");
        assertThat(change.change().percent()).isEqualByComparingTo("8.47");
        assertThat(change.change().base()).isEqualTo("PRIOR_YEAR");
        assertThat(change.change().sign()).isEqualTo(1);
    }

    @Test
    void boilerplateZeroChangeKeepsItsWordingAndHasNoSign() {
        Fact f = facts("2025年“三公”经费预算3.5万元,比2024年减少(或增加)0万元。", DisclosureKind.BUDGET, 2025).get(0);
        assertThat(f.key()).isEqualTo("three_public.total");
        assertThat(f.change().directionWord()).isEqualTo("减少(或增加)");
        assertThat(f.change().amount()).isEqualByComparingTo("0");
    }

    @Test
    void causeClausesAndChangesBeforeTheirSubjectAreChangesNotAmounts() {
        List<Fact> facts = facts("收入比2023年增加853.68万元,主要是一般公共预算拨款增加853.68万元。相应增加人员经费11.52万元。",
                DisclosureKind.BUDGET, 2024);
        assertThat(facts).allSatisfy(f -> assertThat(f.value()).as(f.key()).isNull());
        assertThat(facts).extracting(Fact::key)
                .containsExactly("income.total", "income.general_public_budget", "expenditure.basic.personnel");
    }

    @Test
    void sharesAndPerCapitaFigures() {
        List<Fact> facts = facts("(3)社会保障和就业支出140.74万元,占4.65%。人均接待费96.87元。", DisclosureKind.FINAL_ACCOUNT, 2024);
        assertThat(facts.get(0).key()).isEqualTo("expenditure.function.208");
        assertThat(facts.get(0).share()).isEqualByComparingTo("4.65");
        assertThat(facts.get(1).key()).isEqualTo("three_public.reception.per_capita");
        assertThat(facts.get(1).unit()).isEqualTo("元");
    }

    @Test
    void aSecondComparisonOfTheSameFigureIsAFactOfItsOwn() {
        List<Fact> facts = facts("2024年度“三公”经费支出共计2.82万元,较年初预算数减少1.18万元,下降29.50%,主要原因是从严控制。"
                + "较上年支出数减少0.04万元,减少0.40%。", DisclosureKind.FINAL_ACCOUNT, 2024);
        assertThat(facts).filteredOn(f -> f.key().equals("three_public.total")).hasSize(2).allSatisfy(f -> {
            assertThat(f.value()).isEqualByComparingTo("2.82");
            assertThat(f.evidence().quote()).contains("2.82万元");
        });
        assertThat(facts).filteredOn(f -> f.key().equals("three_public.total")).extracting(f -> f.change().base(),
                f -> f.change().amount().toPlainString(), f -> f.change().percent().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INITIAL_BUDGET", "1.18", "29.50"),
                        org.assertj.core.groups.Tuple.tuple("PRIOR_YEAR", "0.04", "0.40"));
    }

    @Test
    void aCostItemNamedOnlyAsFeeExpenditureIsTheParagraphsSubject() {
        List<Fact> facts = facts("公务车运行维护费2.07万元,主要用于机要文件交换。费用支出较年初预算数减少0.93万元,下降31%,主要原因是"
                + "严禁公车私用,公车运行维护成本下降,较上年支出数减少0.35万元,下降14.46%,主要原因是维修费减少。",
                DisclosureKind.FINAL_ACCOUNT, 2024);
        assertThat(facts).extracting(Fact::key).containsOnly("three_public.vehicle_operation");
        assertThat(facts).extracting(f -> f.change().base()).containsExactly("INITIAL_BUDGET", "PRIOR_YEAR");
    }

    @Test
    void figuresOfACauseClauseNeverReplaceTheChangeTheyExplain() {
        List<Fact> facts = facts("基本支出367.11万元,比2024年增加244.85万元,主要原因是增加“一窗综办”人员41人增加相关经费244.52万元,"
                + "在职人员社保公积金基数上调增加经费0.33万元。", DisclosureKind.BUDGET, 2025);
        assertThat(facts.get(0).key()).isEqualTo("expenditure.basic");
        assertThat(facts.get(0).change().amount()).isEqualByComparingTo("244.85");
        assertThat(facts.subList(1, facts.size())).extracting(Fact::key).containsOnly("change.cause");
        assertThat(facts.subList(1, facts.size())).extracting(f -> f.change().amount().toPlainString())
                .containsExactly("244.52", "0.33");
    }

    @Test
    void aListedSumOfChangesIsAChangeSumFact() {
        List<Fact> facts = facts("项目经费物业管理费、电子政务平台运维项目增加350.50万元,新增四个项目312.08万元,共增加662.58万元。"
                + "项目经费合计2024年增加224.14万元。总计增加236.34万元。", DisclosureKind.FINAL_ACCOUNT, 2024);
        assertThat(facts).filteredOn(f -> f.key().equals("change.sum")).extracting(f -> f.change().amount().toPlainString())
                .containsExactly("662.58", "236.34");
        assertThat(facts).filteredOn(f -> f.key().equals("expenditure.project")).singleElement()
                .satisfies(f -> assertThat(f.change().amount()).isEqualByComparingTo("224.14"));
    }

    @Test
    void aChangeStatedWithoutAFigureIsAZeroChange() {
        List<Fact> facts = facts("因公出国(境)费用0万元,与2023年一致;公务接待费3.50万元,比2023年减少0.30万元。"
                + "支出较去年增加244.85万元,主要是基本支出增加244.85万元,项目支出与上年持平。"
                + "2024年本单位未使用政府性基金预算拨款安排的支出,与2023年保持一致。", DisclosureKind.BUDGET, 2024);
        assertThat(facts).filteredOn(f -> f.key().equals("three_public.overseas")).singleElement().satisfies(f -> {
            assertThat(f.change().sign()).isZero();
            assertThat(f.change().amount()).isNull();
            assertThat(f.change().directionWord()).isEqualTo("一致");
            assertThat(f.change().base()).isEqualTo("PRIOR_YEAR");
        });
        assertThat(facts).filteredOn(f -> f.key().equals("expenditure.project")).singleElement()
                .satisfies(f -> assertThat(f.change().directionWord()).isEqualTo("持平"));
        assertThat(facts).as("a sentence of its own with nothing to attach to").noneMatch(f -> f.key().contains("fund"));
    }

    @Test
    void anAmountNamedOnlyByItsKindIsTheSameQuantityAsItsSentencesSubject() {
        List<Fact> facts = facts("“三公”经费年初预算数为62.29万元,支出决算为60.99万元,决算数等于预算数。",
                DisclosureKind.FINAL_ACCOUNT, 2024);
        assertThat(facts).extracting(Fact::key).containsExactly("three_public.total", "three_public.total");
        assertThat(facts).extracting(Fact::basis).containsExactly("INITIAL_BUDGET", "CURRENT");
        assertThat(facts.get(1).value()).isEqualByComparingTo("60.99");
    }

    @Test
    void aChangeOfEachQuantityOfAListBelongsToTheListedTotal() {
        // Jiangsu 2018 政协 p.7, as printed.
        List<Fact> facts = facts("江苏省政协办公厅2018年度收入、支出预算总计10,150.48万元,与上年相比收、支预算总计各增加1,003.69万元,"
                + "增长10.97%。主要原因是政策性增资、住房公积金和提租补贴调整、预留机动经费增加等。", DisclosureKind.BUDGET, 2018);
        Fact total = facts.get(0);
        assertThat(total.key()).isEqualTo("expenditure.total");
        assertThat(total.value()).isEqualByComparingTo("10150.48");
        assertThat(total.change().amount()).isEqualByComparingTo("1003.69");
        assertThat(total.change().percent()).isEqualByComparingTo("10.97");
        assertThat(total.change().base()).isEqualTo("PRIOR_YEAR");
        assertThat(facts).as("no fact without a value for the change").allSatisfy(f -> assertThat(f.value()).isNotNull());
    }

    @Test
    void theGovernmentFundIncomeAndTheReserveHaveKeysOfTheirOwn() {
        // Jiangsu 2018 政协 p.9 and p.10: shares of the income and expenditure totals.
        List<Fact> facts = facts("江苏省政协办公厅本年收入预算合计10,150.48万元,其中:\n一般公共预算收入10,070.48万元,占99.21%;\n"
                + "政府性基金预算收入0万元,占0%;\n上年结转资金0万元,占0%。\n本年支出预算合计10,150.48万元,其中:\n"
                + "基本支出5,678.17万元,占55.94%;\n单位预留机动经费1,157.63万元,占11.40%;", DisclosureKind.BUDGET, 2018);
        assertThat(facts).hasSize(7);
        assertThat(facts.get(2).key()).isEqualTo("income.government_fund");
        assertThat(facts.get(3).key()).isEqualTo("carry_forward.opening");
        assertThat(facts.get(3).share()).isEqualByComparingTo("0");
        assertThat(facts.get(6).key()).isEqualTo("expenditure.reserve");
        assertThat(facts.get(2).share()).isEqualByComparingTo("0");
        assertThat(facts.get(6).share()).isEqualByComparingTo("11.40");
    }

    /** The whole-label patterns {@link FactExtractor#basis} used before it searched for their words. */
    private static final Pattern[] BASIS_PATTERNS = {Pattern.compile(".*(上年|去年|上一年).*"),
            Pattern.compile(".*(上年结转|上年结余).*"), Pattern.compile(".*(全年(调整)?预算|调整预算).*")};
    private static final String[][] BASIS_WORDS = {{"上年", "去年", "上一年"}, {"上年结转", "上年结余"},
            {"全年预算", "全年调整预算", "调整预算"}};

    /** 10,000 pieces of each sample of up to {@code pieceLength} characters, and 50,000 random labels. */
    private static List<String> labels(int pieceLength, String alphabet, int randomLength) {
        Random random = new Random(15);
        List<String> labels = new ArrayList<>(ParserTexts.samplePieces(10_000, pieceLength, random));
        labels.addAll(ParserTexts.random(alphabet, 50_000, randomLength, random));
        return labels;
    }

    @Test
    void theBasisWordsAreFoundWhereThePatternsMatchedTheWholeLabel() {
        int matched = 0;
        for (String label : labels(40, "上年去一结转余全调整预算 \n\r\u0085\u2028\u2029中", 11)) {
            for (int k = 0; k < BASIS_PATTERNS.length; k++) {
                boolean expected = BASIS_PATTERNS[k].matcher(label).matches();
                assertThat(FactExtractor.wordOnOneLine(label, BASIS_WORDS[k])).as("%s [%s]", BASIS_PATTERNS[k], label)
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).as("labels naming a basis").isGreaterThan(500);
    }
    /** {@link FactExtractor#clauseLabel} as it read the clause with {@link FactExtractor#CLAUSE_BREAK}. */
    private static String clauseLabelByPattern(String sentence, int from, int to) {
        String before = sentence.substring(from, to);
        Matcher breaks = FactExtractor.CLAUSE_BREAK.matcher(before);
        int cut = 0;
        while (breaks.find()) {
            if (breaks.end() < before.length()) {
                cut = breaks.end();
            }
        }
        return before.substring(cut);
    }

    @Test
    void theClauseInFrontOfAFigureIsCutWhereTheBreakPatternCutIt() {
        Random random = new Random(15);
        List<String> sentences = new ArrayList<>(ParserTexts.sampleLines());
        sentences.addAll(ParserTexts.random("12,:;、其中支出万元, ", 50_000, 15, random));
        int cut = 0;
        for (String sentence : sentences) {
            int to = sentence.length();
            int from = to == 0 ? 0 : random.nextInt(to);
            for (int[] range : new int[][] {{0, to}, {from, to}, {0, from}}) {
                String expected = clauseLabelByPattern(sentence, range[0], range[1]);
                assertThat(FactExtractor.clauseLabel(sentence, range[0], range[1]))
                        .as("[%s] %d-%d", sentence, range[0], range[1]).isEqualTo(expected);
                cut += expected.length() < range[1] - range[0] ? 1 : 0;
            }
        }
        assertThat(cut).as("clauses cut at a break").isGreaterThan(10_000);
    }

    @Test
    void theCauseWordsAreFoundWhereTheCausePatternFindsThem() {
        int found = 0;
        for (String clause : labels(30, "主要原因是为由于因支出", 9)) {
            boolean expected = FactExtractor.CAUSE_MARKER.matcher(clause).find();
            assertThat(LiteralPattern.of(FactExtractor.CAUSE_MARKER.pattern()).find(clause) == 1)
                    .as("[%s]", clause).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).as("clauses with a cause word").isGreaterThan(5_000);
    }

    @Test
    void theSectionTitlesOfEveryOffsetAreThoseOfTheSectionsAroundIt() {
        for (String text : ParserTexts.samples()) {
            List<Section> sections = SectionParser.parse(text);
            FactExtractor.SectionTitles titles = new FactExtractor.SectionTitles(sections);
            for (int offset = 0; offset <= text.length(); offset += 7) {
                assertThat(titles.at(offset)).as("offset %d", offset)
                        .isEqualTo(FactExtractor.sectionTitles(sections, offset));
            }
        }
    }

    /** Also for sections in any order, overlapping, empty, reversed or without a title, at offsets in any order. */
    @Test
    void theSectionTitlesAreThoseOfTheSectionsAroundAnOffsetWhateverTheSections() {
        Random random = new Random(19);
        for (int round = 0; round < 2_000; round++) {
            List<Section> sections = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                int start = random.nextInt(40);
                int end = start + random.nextInt(30) - 5;
                sections.add(new Section("s" + i, null, 1, null, random.nextInt(5) == 0 ? null : "t" + i, start, end,
                        false));
            }
            FactExtractor.SectionTitles titles = new FactExtractor.SectionTitles(sections);
            for (int i = 0; i < 60; i++) {
                int offset = random.nextInt(80) - 5;
                assertThat(titles.at(offset)).as("%s at %d", sections, offset)
                        .isEqualTo(FactExtractor.sectionTitles(sections, offset));
            }
        }
    }

    @Test
    void anEnumerationIsTakenOffWhereThePatternTookItOff() {
        int numbered = 0;
        for (String label : labels(20, " (（一十)）12.、支出", 9)) {
            String expected = FactExtractor.ENUMERATION.matcher(label.strip()).replaceAll("").strip();
            assertThat(FactExtractor.unnumbered(label)).as("[%s]", label).isEqualTo(expected);
            numbered += expected.equals(label.strip()) ? 0 : 1;
        }
        assertThat(numbered).as("labels with an enumeration").isGreaterThan(1_500);
    }

    /**
     * {@code contextScope(label, words)} reads the layers as the split of {@code label + " " + words} did: every
     * sample line and random pieces of the samples as words, with random labels and line breaks.
     */
    @Test
    void contextScopeReadsTheLayersAsTheSplitDid() {
        Random random = new Random(15);
        List<String> words = new ArrayList<>(ParserTexts.sampleLines());
        words.addAll(ParserTexts.samplePieces(2_000, 400, random));
        words.addAll(ParserTexts.random("一般公共预算财政拨款\n ", 20_000, 30, random));
        List<String> labels = ParserTexts.random("一般公共财政拨款预算\n ", 200, 12, random);
        labels.add("");
        for (String w : words) {
            String label = labels.get(random.nextInt(labels.size()));
            assertThat(FactExtractor.contextScope(label, w)).as(label + " | " + w).isEqualTo(splitScope(label + " " + w));
        }
    }

    /** The scope as contextScope found it before: the text split into lines, the last naming a scope wins. */
    private static FundScope splitScope(String words) {
        String[] layers = words.split("\n");
        for (int i = layers.length - 1; i >= 0; i--) {
            if (layers[i].contains("一般公共预算") || layers[i].contains("一般公共财政")) {
                return FundScope.GENERAL_PUBLIC_BUDGET;
            }
            if (layers[i].contains("财政拨款")) {
                return FundScope.FISCAL_APPROPRIATION;
            }
        }
        return FundScope.ALL_FUNDS;
    }
}
