package io.budgetlens.ingest.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.ParsedPart;
import io.budgetlens.events.ReceivedPart;
import io.budgetlens.events.Visibility;
import io.budgetlens.ingest.parse.DisclosureParser;
import io.budgetlens.testsupport.SharedPdfs;

/**
 * A Jiangsu disclosure published as two PDFs (narrative, tables) is one document: one id whatever the order of the
 * files, the narrative read first, all twelve tables found, each figure placed in its part, and the same result for
 * both orders.
 */
class MultiPartParseTest {

    static final String NARRATIVE = "jiangsu-2019-dept-budget-shengweibangongting-narrative";
    static final String TABLES = "jiangsu-2019-dept-budget-shengweibangongting-tables";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    static ReceivedPart part(String name) {
        byte[] bytes = SharedPdfs.bytes(name);
        return new ReceivedPart(DocumentIds.of(bytes), bytes.length, "application/pdf", null, name + ".pdf", null,
                bytes);
    }

    static DisclosureParsed parse(List<ReceivedPart> parts) {
        String id = DocumentIds.ofParts(parts.stream().map(ReceivedPart::sha256).toList());
        DisclosureReceived received = DisclosureReceived.of(id, parts, Instant.EPOCH, Visibility.PUBLIC, null, null);
        return new DisclosureParser(CLOCK).parse(received);
    }

    @Test
    void narrativeAndTablesFilesAreOneDisclosureWhateverTheOrder() {
        assumeTrue(SharedPdfs.folder() != null, SharedPdfs.missingMessage());
        DisclosureParsed one = parse(List.of(part(NARRATIVE), part(TABLES)));
        DisclosureParsed other = parse(List.of(part(TABLES), part(NARRATIVE)));
        assertThat(EventJson.write(other)).isEqualTo(EventJson.write(one));

        assertThat(one.parts()).extracting(ParsedPart::role).containsExactly(ParsedPart.NARRATIVE, ParsedPart.TABLES);
        assertThat(one.parts()).extracting(ParsedPart::filename).containsExactly(NARRATIVE + ".pdf", TABLES + ".pdf");
        assertThat(one.isPartial()).isFalse();
        assertThat(one.warnings()).noneMatch(w -> "TABLES_ONLY".equals(w.code()));
        assertThat(one.meta().department()).isEqualTo("江苏省委办公厅");
        assertThat(one.meta().fiscalYear()).isEqualTo(2019);
        assertThat(one.meta().templateFamily()).isEqualTo("JIANGSU");
        assertThat(one.tables()).hasSize(12);
        assertThat(one.tables()).allSatisfy(t -> assertThat(t.rows()).allSatisfy(r -> assertThat(r.part()).isEqualTo(2)));
        assertThat(one.facts()).isNotEmpty().allSatisfy(f -> assertThat(f.evidence().part()).isEqualTo(1));
        assertThat(one.pages()).hasSize(14 + 12);
        // The summary takes the tables' figures (printed with all their decimals) over the narrative's.
        assertThat(one.summary().get("income.total").value()).isEqualByComparingTo("27664.22");
        assertThat(one.summary().get("income.total").evidence().part()).isEqualTo(2);
        // Both files' own scores hold in the joined document.
        var tables = PdfExpectations.score(PdfExpectations.expected(TABLES), one);
        assertThat(tables.right("tables typed")).isEqualTo(tables.checked("tables typed"));
        assertThat(tables.right("cells")).isGreaterThanOrEqualTo(tables.checked("cells") - 1);
    }
}
