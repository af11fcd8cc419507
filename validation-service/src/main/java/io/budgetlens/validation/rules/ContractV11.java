package io.budgetlens.validation.rules;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.TableColumn;

/**
 * The contract fields of docs/events.md "v1.1 (additive)" that the rules use — a column's {@code group}, the
 * event's {@code contents} (目录 entries) and {@code partial} flag, {@code meta.templateFamily} — read in this one place.
 * Until disclosure-events has them they are read by name from the records (absent: null), so the rules work with
 * v1.0 events now and pick the fields up when they land; then each method becomes a plain accessor call.
 * {@link #contentsOverride} lets a test give the contents of a hand-built event.
 */
final class ContractV11 {

    /** One entry of a 目录: its title, the page as printed (may be absent), and its offsets in the text. */
    record ContentsEntry(String title, String pageRef, Integer start, Integer end) {
    }

    /** Contents given by a test for events built by hand (key: documentId). */
    static final Map<String, List<ContentsEntry>> contentsOverride = new ConcurrentHashMap<>();

    private static final Map<String, RecordComponent> COMPONENTS = new ConcurrentHashMap<>();

    private ContractV11() {
    }

    /** INCOME, EXPENDITURE, EXPENDITURE_BY_USE, EXPENDITURE_ECONOMIC or null. */
    static String columnGroup(TableColumn column) {
        Object v = read(column, "group");
        return v == null ? null : v.toString();
    }

    /** NATIONAL, SHANGHAI, JIANGSU, CHONGQING or null. */
    static String templateFamily(DisclosureMeta meta) {
        Object v = meta == null ? null : read(meta, "templateFamily");
        return v == null ? null : v.toString();
    }

    /** A document that is only tables (Jiangsu publishes them apart from the narrative). */
    static boolean partial(DisclosureParsed d) {
        return Boolean.TRUE.equals(read(d, "partial"));
    }

    /** The 目录 entries, or an empty list. */
    static List<ContentsEntry> contents(DisclosureParsed d) {
        List<ContentsEntry> given = d.documentId() == null ? null : contentsOverride.get(d.documentId());
        if (given != null) {
            return given;
        }
        Object v = read(d, "contents");
        List<ContentsEntry> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object e : list) {
                Object title = read(e, "title");
                Object page = read(e, "pageRef");
                Object start = read(e, "start");
                Object end = read(e, "end");
                if (title != null) {
                    out.add(new ContentsEntry(title.toString(), page == null ? null : page.toString(),
                            start instanceof Integer s ? s : null, end instanceof Integer x ? x : null));
                }
            }
        }
        return out;
    }

    private static Object read(Object record, String name) {
        if (record == null || !record.getClass().isRecord()) {
            return null;
        }
        String key = record.getClass().getName() + "#" + name;
        RecordComponent component = COMPONENTS.computeIfAbsent(key, k -> {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return c;
                }
            }
            return NONE;
        });
        if (component == NONE) {
            return null;
        }
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Marks "this record has no such component" in the cache (a component of another record, never returned). */
    private static final RecordComponent NONE = ContentsEntry.class.getRecordComponents()[0];
}
