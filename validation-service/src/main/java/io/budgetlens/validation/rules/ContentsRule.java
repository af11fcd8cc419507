package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.budgetlens.events.Category;
import io.budgetlens.events.DisclosureKind;
import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Evidence;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.Severity;
import io.budgetlens.events.Verdict;

/**
 * HYG-005 what the 目录 (table of contents) lists is in the document: a table entry by the type its title names (an
 * empty table listed and explained counts), else by its title; a section entry by a heading of the same words. The
 * entries are the parsed event's {@code contents} (contract v1.1).
 */
public final class ContentsRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("HYG-005", "目录所列内容齐全",
            "What the table of contents lists is in the document", "目录每一项 = 文中一张表(按含义)或一个标题",
            Category.COMPLETENESS, Severity.WARNING, Set.of(DisclosureKind.BUDGET, DisclosureKind.FINAL_ACCOUNT));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Outcome evaluate(DisclosureParsed d) {
        List<ContractV11.ContentsEntry> contents = ContractV11.contents(d);
        if (contents.isEmpty()) {
            return Outcome.notApplicable();
        }
        List<Finding> findings = new ArrayList<>();
        for (ContractV11.ContentsEntry entry : contents) {
            String core = core(entry.title());
            String type = TableTypes.ofTitle(entry.title());
            boolean found;
            if (type != null) {
                found = TableTypes.present(d, type) || d.tables().stream().anyMatch(t -> t.title() != null
                        && core(t.title()).contains(core));
            } else {
                found = d.sections() != null && d.sections().stream().anyMatch(s -> s.title() != null
                        && (entry.start() == null || s.start() != entry.start())
                        && (core(s.title()).contains(core) || core.contains(core(s.title()))) && !core(s.title()).isEmpty());
            }
            if (found) {
                continue;
            }
            Evidence evidence = new Evidence(entry.title(), entry.start(), entry.end(), null, null, null, null);
            findings.add(new Finding(DESCRIPTOR.id(), Severity.WARNING, DESCRIPTOR.category(),
                    "目录列有“" + entry.title() + "”" + (entry.pageRef() == null ? "" : "(第" + entry.pageRef() + "页)")
                            + ",但文中没有" + (type != null ? "这张表" : "这一部分") + "。",
                    "The table of contents lists “" + entry.title() + "” but the document has no such "
                            + (type != null ? "table." : "section."),
                    Interval.exact(BigDecimal.ONE), BigDecimal.ZERO, BigDecimal.ONE, "items", List.of(evidence)));
        }
        return new Outcome(findings.isEmpty() ? Verdict.HOLDS : Verdict.BROKEN, contents.size(), findings);
    }

    /** A title without numbering, labels (公开01表, 表一), years, page dots and spaces. */
    static String core(String title) {
        if (title == null) {
            return "";
        }
        return title.replaceAll("\\s", "").replaceAll("^[(（]?[一二三四五六七八九十\\d]+[)）、.．]", "")
                .replaceAll("公开\\d{2}表|表[一二三四五六七八九十\\d]+|附表\\d+", "")
                .replaceAll("^.*?(?:19|20)\\d{2}年度?", "").replaceAll("[.…·]+\\d*$", "")
                .replaceAll("[“”\"'()（）]", "");
    }
}
