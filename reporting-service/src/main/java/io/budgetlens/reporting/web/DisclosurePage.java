package io.budgetlens.reporting.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import io.budgetlens.events.DisclosureTable;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Interval;
import io.budgetlens.events.SummaryEntry;
import io.budgetlens.events.TableRow;
import io.budgetlens.reporting.query.DisclosureQueries.FindingRow;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.quarkus.qute.TemplateData;

/**
 * The disclosure page's model: findings with their anchors and evidence links, the text with every finding's
 * quoted evidence highlighted (class {@code ev-<anchor>}, anchor {@code ev-<anchor>} before its first segment),
 * the summary figures formatted as printed, and the tables with the rows findings point at highlighted.
 */
@TemplateData
public record DisclosurePage(DisclosureEntity d, List<FindingItem> findings, List<HighlightedText.Segment> text,
                             List<Figure> summary, List<Table> tables, boolean draft, boolean pdf) {

    @TemplateData
    public record FindingItem(String anchor, String severity, String ruleId, String category, String message,
                              String expected, String actual, String excess, String unit, String target,
                              List<Link> evidence) {
    }

    @TemplateData
    public record Link(String href, String quote, boolean otherDocument, String pageHref) {

        Link(String href, String quote, boolean otherDocument) {
            this(href, quote, otherDocument, null);
        }
    }

    @TemplateData
    public record Figure(String key, String label, String value, String scope) {
    }

    @TemplateData
    public record Table(String id, String title, String unit, List<String> headers, List<Row> rows) {
    }

    @TemplateData
    public record Row(String anchor, String cssClasses, List<String> cells) {
    }

    private static final TypeReference<Map<String, SummaryEntry>> SUMMARY = new TypeReference<>() {
    };
    private static final TypeReference<List<DisclosureTable>> TABLES = new TypeReference<>() {
    };
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {
    };

    static DisclosurePage of(DisclosureEntity d, List<FindingRow> findingRows, boolean english) {
        List<HighlightedText.Range> ranges = new ArrayList<>();
        Map<String, List<String>> rowClasses = new HashMap<>();
        Map<String, String> rowAnchors = new HashMap<>();
        List<FindingItem> findings = new ArrayList<>();
        for (FindingRow f : findingRows) {
            String anchor = f.anchor();
            List<Link> links = new ArrayList<>();
            String target = null;
            List<Evidence> evidence = read(f.evidence(), EVIDENCE, List.<Evidence>of());
            for (int n = 0; n < evidence.size(); n++) {
                Evidence e = evidence.get(n);
                boolean other = e.documentId() != null && !e.documentId().equals(d.documentId);
                String pageHref = !other && e.page() != null && e.box() != null
                        ? "/disclosures/" + d.documentId + "/page?finding=" + anchor + "&evidence=" + n : null;
                if (other) {
                    links.add(new Link("/disclosures/" + e.documentId(), e.quote(), true));
                    continue;
                }
                if (e.start() != null && e.end() != null && d.text != null && e.end() <= d.text.length()) {
                    String evAnchor = "ev-" + anchor + (target == null ? "" : "-" + links.size());
                    ranges.add(new HighlightedText.Range(e.start(), e.end(), "ev ev-" + anchor + " q-" + evAnchor, evAnchor));
                    links.add(new Link("#" + evAnchor, e.quote(), false, pageHref));
                    target = target == null ? "#" + evAnchor : target;
                } else if (e.tableId() != null && e.row() != null) {
                    String rowKey = e.tableId() + "-r" + e.row();
                    rowClasses.computeIfAbsent(rowKey, k -> new ArrayList<>()).add("ev-" + anchor);
                    rowAnchors.putIfAbsent(rowKey, "row-" + rowKey);
                    links.add(new Link("#row-" + rowKey, e.quote(), false, pageHref));
                    target = target == null ? "#row-" + rowKey : target;
                } else if (e.quote() != null) {
                    links.add(new Link(null, e.quote(), false, pageHref));
                }
            }
            Interval expected = read(f.expected(), new TypeReference<Interval>() {
            }, null);
            findings.add(new FindingItem(anchor, f.severity(), f.ruleId(), f.category(),
                    english ? f.messageEn() : f.messageZh(), interval(expected), Format.amount(f.actual()),
                    Format.amount(f.excess()), f.unit(), target, links));
        }

        List<Figure> figures = new ArrayList<>();
        Map<String, SummaryEntry> summary = read(d.summary, SUMMARY, Map.of());
        for (var e : new java.util.TreeMap<>(summary).entrySet()) {
            figures.add(new Figure(e.getKey(), label(e.getKey(), english), Format.amount(e.getValue().value()),
                    e.getValue().scope() == null ? "" : e.getValue().scope().name()));
        }

        List<Table> tables = new ArrayList<>();
        for (DisclosureTable t : read(d.tables, TABLES, List.<DisclosureTable>of())) {
            List<String> headers = t.columns() == null ? List.of()
                    : t.columns().stream().map(c -> c.header() == null ? "" : c.header()).toList();
            List<Row> rows = new ArrayList<>();
            for (TableRow r : t.rows() == null ? List.<TableRow>of() : t.rows()) {
                String key = t.id() + "-r" + r.index();
                rows.add(new Row(rowAnchors.getOrDefault(key, "row-" + key),
                        String.join(" ", rowClasses.getOrDefault(key, List.of())),
                        r.cells() == null ? List.of() : r.cells()));
            }
            tables.add(new Table(t.id(), t.title(), t.unit(), headers, rows));
        }
        return new DisclosurePage(d, findings, HighlightedText.segments(d.text, ranges), figures, tables,
                d.visibility == io.budgetlens.events.Visibility.DRAFT, d.pages != null);
    }

    private static String interval(Interval i) {
        if (i == null) {
            return "—";
        }
        if (i.low() != null && i.high() != null && i.low().compareTo(i.high()) != 0) {
            return Format.amount(i.low()) + " ～ " + Format.amount(i.high());
        }
        return Format.amount(i.value());
    }

    private static final Map<String, String[]> LABELS = new LinkedHashMap<>();

    static {
        String[][] labels = {
                {"income.total", "收入合计", "Total income"},
                {"expenditure.total", "支出合计", "Total expenditure"},
                {"expenditure.basic", "基本支出", "Basic expenditure"},
                {"expenditure.basic.personnel", "人员经费", "Personnel"},
                {"expenditure.basic.public", "公用经费", "Public (office) costs"},
                {"expenditure.project", "项目支出", "Project expenditure"},
                {"three_public.total", "“三公”经费", "“三公” total"},
                {"three_public.overseas", "因公出国（境）费", "Overseas travel"},
                {"three_public.reception", "公务接待费", "Receptions"},
                {"three_public.vehicle", "公务用车购置及运行维护费", "Vehicles"},
                {"three_public.vehicle_purchase", "公务用车购置费", "Vehicle purchase"},
                {"three_public.vehicle_operation", "公务用车运行维护费", "Vehicle operation"},
                {"operating_expenses", "机关运行经费", "Operating expenses"},
                {"procurement.total", "政府采购", "Government procurement"},
        };
        for (String[] l : labels) {
            LABELS.put(l[0], new String[] {l[1], l[2]});
        }
    }

    static String label(String key, boolean english) {
        String[] l = LABELS.get(key);
        if (l != null) {
            return english ? l[1] : l[0];
        }
        if (key.startsWith("expenditure.function.")) {
            return (english ? "Function " : "功能分类 ") + key.substring("expenditure.function.".length());
        }
        return key;
    }

    private static <T> T read(String json, TypeReference<T> type, T fallback) {
        if (json == null) {
            return fallback;
        }
        try {
            T value = EventJson.mapper().readValue(json, type);
            return value == null ? fallback : value;
        } catch (Exception e) {
            return fallback;
        }
    }
}
