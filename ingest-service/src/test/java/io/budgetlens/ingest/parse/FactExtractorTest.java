package io.budgetlens.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.Fact;
import io.budgetlens.events.FundScope;

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
}
