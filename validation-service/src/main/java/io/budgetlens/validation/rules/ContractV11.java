package io.budgetlens.validation.rules;

import java.util.List;

import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.TableColumn;

/**
 * The contract fields of docs/events.md "v1.1 (additive)" that the rules use — a column's {@code group}, the
 * event's {@code contents} (目录 entries) and {@code partial} flag, {@code meta.templateFamily} — read in this one place,
 * each absent (null) in a v1.0 event.
 */
final class ContractV11 {

    /** One entry of a 目录: its title, the page as printed (may be absent), and its offsets in the text. */
    record ContentsEntry(String title, String pageRef, Integer start, Integer end) {
    }

    private ContractV11() {
    }

    /** INCOME, EXPENDITURE, EXPENDITURE_BY_USE, EXPENDITURE_ECONOMIC or null. */
    static String columnGroup(TableColumn column) {
        return column.group();
    }

    /** NATIONAL, SHANGHAI, JIANGSU, CHONGQING or null. */
    static String templateFamily(DisclosureMeta meta) {
        return meta == null ? null : meta.templateFamily();
    }

    /** A document that is only tables (Jiangsu publishes them apart from the narrative). */
    static boolean partial(DisclosureParsed d) {
        return d.isPartial();
    }

    /** The 目录 entries, or an empty list. */
    static List<ContentsEntry> contents(DisclosureParsed d) {
        if (d.contents() == null) {
            return List.of();
        }
        return d.contents().stream().filter(e -> e.title() != null)
                .map(e -> new ContentsEntry(e.title(), e.pageRef(), e.start(), e.end())).toList();
    }
}
