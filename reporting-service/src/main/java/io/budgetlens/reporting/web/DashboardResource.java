package io.budgetlens.reporting.web;

import static java.util.Locale.CHINESE;
import static java.util.Locale.ENGLISH;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.budgetlens.events.DocumentIds;
import io.budgetlens.events.EventJson;
import io.budgetlens.events.Visibility;
import io.budgetlens.reporting.query.BadParameterException;
import io.budgetlens.reporting.query.DisclosureQueries;
import io.budgetlens.reporting.query.DisclosureQueries.FindingRow;
import io.budgetlens.reporting.query.DisclosureQueries.TimelineEntry;
import io.budgetlens.reporting.query.DraftAccess;
import io.budgetlens.reporting.query.FindingFilter;
import io.budgetlens.reporting.query.Where;
import io.budgetlens.reporting.store.DisclosureEntity;
import io.budgetlens.reporting.store.DisclosureRepository;
import io.budgetlens.service.security.Caller;
import io.quarkus.qute.Location;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The web dashboard (server-rendered with Qute; charts drawn by ECharts from the webjar, fed through data-
 * attributes, so no inline script is needed and the Content-Security-Policy forbids them). Everything that comes
 * from a document is escaped by the templates.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard (HTML)")
public class DashboardResource {

    /** Findings per page of the findings list. */
    static final int PAGE_SIZE = 50;

    @Inject
    DisclosureQueries queries;

    @Inject
    DisclosureRepository repository;

    @Inject
    SecurityIdentity identity;

    @Location("overview.html")
    Template overview;

    @Location("disclosure.html")
    Template disclosure;

    @Location("department.html")
    Template department;

    @Location("findings.html")
    Template findings;

    @Location("upload.html")
    Template upload;

    @Location("not-found.html")
    Template notFound;

    @Location("page.html")
    Template pageView;

    @GET
    @Operation(hidden = true)
    public TemplateInstance overview(@CookieParam("lang") String lang) {
        return page(overview, lang, "/")
                .data("statusCounts", queries.statusCounts())
                .data("kindYearCounts", queries.kindYearCounts())
                .data("findingCounts", queries.findingCounts())
                .data("anomalies", queries.latestAnomalies(20))
                .data("threePublicChart", threePublicChart(words(lang)))
                .data("findingsChart", findingsChart(words(lang)));
    }

    @GET
    @Path("disclosures/{documentId}")
    @Operation(hidden = true)
    public Response disclosure(@PathParam("documentId") String documentId, @CookieParam("lang") String lang) {
        DisclosureEntity d = DocumentIds.isWellFormed(documentId) ? repository.findById(documentId) : null;
        if (d == null || !DraftAccess.mayRead(d.visibility, d.owner, Caller.of(identity))) {
            return Response.status(404).entity(page(notFound, lang, "/disclosures/" + documentId)
                    .data("what", documentId)).build();
        }
        DisclosurePage model = DisclosurePage.of(d, queries.findingsOf(documentId), english(lang));
        return Response.ok(page(disclosure, lang, "/disclosures/" + documentId).data("p", model)
                .data("departmentKey", d.departmentKey == null ? null : encode(d.departmentKey))).build();
    }

    /** A finding shown on its PDF page: the page image with a box over each piece of its evidence there. */
    @GET
    @Path("disclosures/{documentId}/page")
    @Operation(hidden = true)
    public Response findingOnPage(@PathParam("documentId") String documentId, @QueryParam("finding") String finding,
                                  @QueryParam("evidence") @DefaultValue("0") String evidence,
                                  @CookieParam("lang") String lang) {
        DisclosureEntity d = DocumentIds.isWellFormed(documentId) ? repository.findById(documentId) : null;
        if (d != null && !DraftAccess.mayRead(d.visibility, d.owner, Caller.of(identity))) {
            d = null; // someone else's draft is not there for this caller
        }
        FindingRow row = d == null || finding == null ? null : queries.findingsOf(documentId).stream()
                .filter(f -> f.anchor().equals(finding)).findFirst().orElse(null);
        int index = evidence.matches("\\d{1,3}") ? Integer.parseInt(evidence) : 0;
        PageView view = row == null ? null : PageView.of(d, row, index, english(lang));
        if (view == null) {
            return Response.status(404).entity(page(notFound, lang, "/disclosures/" + documentId + "/page")
                    .data("what", documentId + (finding == null ? "" : " " + finding))).build();
        }
        return Response.ok(page(pageView, lang, "/disclosures/" + documentId + "/page").data("v", view)).build();
    }

    @GET
    @Path("departments/{key}")
    @Operation(hidden = true)
    public Response department(@PathParam("key") String key, @CookieParam("lang") String lang) {
        var timeline = queries.timeline(key, Visibility.PUBLIC, null).orElse(null);
        if (timeline == null) {
            return Response.status(404).entity(page(notFound, lang, "/departments/" + encode(key)).data("what", key))
                    .build();
        }
        return Response.ok(page(department, lang, "/departments/" + encode(key))
                .data("key", key).data("names", timeline.names()).data("docs", timeline.disclosures())
                .data("cross", timeline.crossDocumentFindings()).data("english", english(lang))
                .data("chart", timelineChart(timeline.disclosures(), words(lang)))).build();
    }

    @GET
    @Path("findings")
    @Operation(hidden = true)
    public TemplateInstance findings(@CookieParam("lang") String lang, @QueryParam("severity") String severity,
                                     @QueryParam("category") String category, @QueryParam("ruleId") String ruleId,
                                     @QueryParam("region") String region, @QueryParam("year") String year,
                                     @QueryParam("kind") String kind, @QueryParam("page") @DefaultValue("0") int page) {
        int p = Math.max(0, page);
        FindingFilter filter;
        try {
            filter = FindingFilter.parse(severity, ruleId, category, region, year, kind, null, null, null, null);
        } catch (BadParameterException e) {
            return page(findings, lang, "/findings").data("rows", List.of()).data("filters", Map.of())
                    .data("total", 0L).data("pageNumber", 0).data("hasNext", false)
                    .data("error", badFilter(words(lang), e)).data("csv", "/api/v1/findings?format=csv")
                    .data("query", "");
        }
        Where where = filter.where();
        List<FindingRow> rows = queries.findings(where, FindingFilter.orderBy(null), p, PAGE_SIZE);
        long total = queries.countFindings(where);
        StringBuilder query = new StringBuilder();
        filter.given().forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=')
                .append(encode(v)));
        return page(findings, lang, "/findings" + (query.isEmpty() ? "" : "?" + query))
                .data("rows", rows).data("filters", filter.given()).data("total", total).data("pageNumber", p)
                .data("hasNext", (long) (p + 1) * PAGE_SIZE < total).data("error", null)
                .data("csv", "/api/v1/findings?format=csv" + (query.isEmpty() ? "" : "&" + query))
                .data("query", query.toString());
    }

    @GET
    @Path("upload")
    @Operation(hidden = true)
    public TemplateInstance upload(@CookieParam("lang") String lang) {
        return page(upload, lang, "/upload");
    }

    /** The language toggle: sets the lang cookie and goes back to the page (same origin only). */
    @GET
    @Path("lang/{lang}")
    @Operation(hidden = true)
    public Response language(@PathParam("lang") String lang, @QueryParam("back") String back) {
        String value = "en".equals(lang) ? "en" : "zh";
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back : "/";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder("lang").value(value).path("/").maxAge(365 * 24 * 3600)
                        .sameSite(NewCookie.SameSite.LAX).build())
                .build();
    }

    private TemplateInstance page(Template template, String lang, String path) {
        boolean english = english(lang);
        return template.instance().setLocale(english ? ENGLISH : CHINESE).data("lang", english ? "en" : "zh")
                .data("toggle", "/lang/" + (english ? "zh" : "en") + "?back=" + encode(path));
    }

    /** ECharts option: “三公” per region, one series per kind and year. */
    private String threePublicChart(Messages t) {
        List<String> regions = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> series = new LinkedHashMap<>();
        for (DisclosureQueries.RegionTotal r : queries.threePublicByRegion()) {
            if (!regions.contains(r.region())) {
                regions.add(r.region());
            }
            String name = r.fiscalYear() + " " + code(t, r.kind());
            series.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(r.region(), r.threePublicTotal());
        }
        ObjectNode option = EventJson.mapper().createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend");
        option.putObject("xAxis").put("type", "category").set("data", array(regions));
        option.putObject("yAxis").put("type", "value").put("name", "万元");
        ArrayNode list = option.putArray("series");
        series.forEach((name, values) -> {
            ObjectNode s = list.addObject().put("name", name).put("type", "bar");
            ArrayNode data = s.putArray("data");
            regions.forEach(region -> {
                BigDecimal v = values.get(region);
                if (v == null) {
                    data.addNull();
                } else {
                    data.add(v);
                }
            });
        });
        return option.toString();
    }

    /** ECharts option: errors and warnings of the disclosures with the most findings. */
    private String findingsChart(Messages t) {
        var ranked = queries.mostFindings(15);
        ObjectNode option = EventJson.mapper().createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend");
        option.putObject("grid").put("containLabel", true);
        option.putObject("xAxis").put("type", "value");
        option.putObject("yAxis").put("type", "category").put("inverse", true)
                .set("data", array(ranked.stream().map(DisclosureQueries.Ranked::label).toList()));
        ArrayNode list = option.putArray("series");
        ArrayNode errors = list.addObject().put("name", t.errors())
                .put("type", "bar").put("stack", "f").putArray("data");
        ArrayNode warnings = list.addObject().put("name", t.warnings())
                .put("type", "bar").put("stack", "f").putArray("data");
        ranked.forEach(r -> {
            errors.add(r.errors());
            warnings.add(r.warnings());
        });
        return option.toString();
    }

    /** ECharts option: total expenditure and “三公” across years, one line per kind and scope. */
    private String timelineChart(List<TimelineEntry> docs, Messages t) {
        List<String> years = docs.stream().filter(TimelineEntry::latest).map(x -> String.valueOf(x.fiscalYear()))
                .distinct().toList();
        ObjectNode option = EventJson.mapper().createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend");
        option.putObject("xAxis").put("type", "category").set("data", array(years));
        ArrayNode yAxes = option.putArray("yAxis");
        yAxes.addObject().put("type", "value").put("name", t.expenditure());
        yAxes.addObject().put("type", "value").put("name", t.threePublic());
        ArrayNode list = option.putArray("series");
        Map<String, Map<String, TimelineEntry>> byLine = new LinkedHashMap<>();
        for (TimelineEntry x : docs) {
            if (x.latest() && x.kind() != null && x.scope() != null) {
                byLine.computeIfAbsent(code(t, x.kind()) + "·" + code(t, x.scope()), k -> new LinkedHashMap<>())
                        .put(String.valueOf(x.fiscalYear()), x);
            }
        }
        byLine.forEach((line, byYear) -> {
            ArrayNode totals = list.addObject().put("name", line + " " + t.expenditure()).put("type", "line")
                    .put("yAxisIndex", 0).putArray("data");
            ArrayNode three = list.addObject().put("name", line + " “三公”").put("type", "bar").put("yAxisIndex", 1)
                    .putArray("data");
            years.forEach(y -> {
                TimelineEntry x = byYear.get(y);
                if (x == null || x.expenditureTotal() == null) {
                    totals.addNull();
                } else {
                    totals.add(x.expenditureTotal());
                }
                if (x == null || x.threePublicTotal() == null) {
                    three.addNull();
                } else {
                    three.add(x.threePublicTotal());
                }
            });
        });
        return option.toString();
    }

    static boolean english(String lang) {
        return "en".equals(lang);
    }

    /** The dashboard's words in the reader's language (the lang cookie: en, else Chinese). */
    static Messages words(String lang) {
        return english(lang) ? MessageBundles.get(Messages.class, Localized.Literal.of("en"))
                : MessageBundles.get(Messages.class);
    }

    /** A kind or scope code in words. */
    private static String code(Messages t, String code) {
        return switch (code) {
            case "BUDGET" -> t.BUDGET();
            case "FINAL_ACCOUNT" -> t.FINAL_ACCOUNT();
            case "DEPARTMENT" -> t.DEPARTMENT();
            case "UNIT" -> t.UNIT();
            default -> code;
        };
    }

    /** A bad filter, in the reader's language: which filter, the value given and what it takes. */
    static String badFilter(Messages t, BadParameterException e) {
        String filter = switch (e.parameter()) {
            case "severity" -> t.severity();
            case "category" -> t.category();
            case "ruleId" -> t.rule();
            case "region" -> t.region();
            case "year" -> t.year();
            case "kind" -> t.kind();
            default -> e.parameter();
        };
        return t.badFilter(filter, e.value(), e.allowed());
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = EventJson.mapper().createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
