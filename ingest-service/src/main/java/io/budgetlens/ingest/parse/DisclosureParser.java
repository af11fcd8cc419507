package io.budgetlens.ingest.parse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureMeta;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.DisclosureReceived;
import io.budgetlens.events.DisclosureScope;
import io.budgetlens.events.ParseStatus;

/**
 * The parser core (plain Java, no CDI, no Kafka): a received document in, a {@link DisclosureParsed} out.
 * Foundation skeleton: it decodes the text, reads the kind and scope from the first 部门/单位 + 预算/决算 wording and
 * the fiscal year from the first year printed, and rejects input that names neither 预算 nor 决算. Sections, facts, tables and the summary are
 * filled in by the extraction issue.
 */
public class DisclosureParser {

    /** Version of the parsing logic; a newer version's result supersedes an older one downstream. */
    public static final String VERSION = "0.1.0";

    /** "部门决算", "单位预算", "决算公开", "预算情况说明": the wording that names the kind of a disclosure. */
    private static final Pattern KIND = Pattern.compile("(部门|单位)(预算|决算)|(预算|决算)(情况说明|公开)");
    /** "2024年", "2020年度": the first year printed, which in these documents is the fiscal year of the title. */
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    private final Clock clock;

    public DisclosureParser(Clock clock) {
        this.clock = clock;
    }

    public DisclosureParsed parse(DisclosureReceived received) {
        DecodedDocument decoded = DocumentDecoder.decode(received.content(), received.contentType(), received.charset());
        String text = received.contentType() != null && received.contentType().contains("html")
                ? Jsoup.parse(decoded.text()).wholeText()
                : decoded.text();
        List<String> reasons = new ArrayList<>();
        if (text.isBlank()) {
            reasons.add("The document has no text. 文档没有文字内容。");
        } else if (!text.contains("预算") && !text.contains("决算")) {
            reasons.add("The text mentions neither 预算 (budget) nor 决算 (final accounts); it is not a disclosure.");
        }
        if (!reasons.isEmpty()) {
            return DisclosureParsed.rejected(received.documentId(), VERSION, clock.instant(), received.visibility(),
                    received.contentType(), received.sourceUri(), reasons);
        }
        return new DisclosureParsed(received.documentId(), ParseStatus.PARSED, VERSION, clock.instant(),
                received.visibility(), received.contentType(), received.sourceUri(), List.of(), meta(text), text,
                List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    static DisclosureMeta meta(String text) {
        Matcher kindMatch = KIND.matcher(text);
        DisclosureKind kind = null;
        String title = null;
        DisclosureScope scope = null;
        if (kindMatch.find()) {
            String word = kindMatch.group(2) != null ? kindMatch.group(2) : kindMatch.group(3);
            kind = "预算".equals(word) ? DisclosureKind.BUDGET : DisclosureKind.FINAL_ACCOUNT;
            int lineStart = text.lastIndexOf('\n', kindMatch.start()) + 1;
            int lineEnd = text.indexOf('\n', kindMatch.end());
            title = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
            if ("部门".equals(kindMatch.group(1))) {
                scope = DisclosureScope.DEPARTMENT;
            } else if ("单位".equals(kindMatch.group(1))) {
                scope = DisclosureScope.UNIT;
            }
        }
        Matcher yearMatch = YEAR.matcher(text);
        Integer year = yearMatch.find() ? Integer.valueOf(yearMatch.group(1)) : null;
        return new DisclosureMeta(kind, scope, year, title, null, null, null, null, null, null, null, null);
    }
}
