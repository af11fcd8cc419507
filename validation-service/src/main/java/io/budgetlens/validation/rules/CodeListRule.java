package io.budgetlens.validation.rules;

import java.math.BigDecimal;
import java.util.List;

import io.budgetlens.events.DisclosureParsed;
import io.budgetlens.events.Finding;
import io.budgetlens.events.Interval;
import io.budgetlens.events.ParseWarning;
import io.budgetlens.events.Severity;
import io.budgetlens.events.TableRow;

/**
 * CODE-001 category names agree with the code list: the parser checks every coded table row against the
 * year-versioned classification list; an unknown code or a code printed under another name becomes a finding.
 */
public final class CodeListRule extends AbstractRule {

    @Override
    protected void check(Checks checks, DisclosureParsed d) {
        long coded = d.tables() == null ? 0 : d.tables().stream().flatMap(t -> t.rows().stream())
                .map(TableRow::code).filter(java.util.Objects::nonNull).count();
        if (coded == 0) {
            return;
        }
        for (ParseWarning w : d.warnings() == null ? List.<ParseWarning>of() : d.warnings()) {
            if (!w.code().startsWith("CODE_")) {
                continue;
            }
            boolean unknown = "CODE_UNKNOWN".equals(w.code());
            // INFO: the code list is the national one of the years it covers; provinces add 款/项 (20131 党委办公厅…,
            // 20139 社会工作事务) and names change between years, so a code outside it is worth a look, not an alarm.
            checks.fail(new Finding(descriptor().id(), Severity.INFO, descriptor().category(),
                    (unknown ? "科目编码不在编码表中:" : "科目名称与编码表不一致:") + w.message(),
                    (unknown ? "Unknown classification code: " : "Category name differs from the code list: ")
                            + w.message(),
                    Interval.exact(BigDecimal.ZERO), BigDecimal.ONE, BigDecimal.ONE, "rows",
                    w.evidence() == null ? List.of() : List.of(w.evidence())));
        }
        checks.count((int) coded);
    }
}
