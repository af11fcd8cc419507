package io.budgetlens.reporting.web;

import java.math.BigDecimal;

import io.quarkus.qute.TemplateExtension;

/** Number formatting for templates: {@code {fmt:amount(value)}} prints 1,137.10 (— when absent). */
@TemplateExtension(namespace = "fmt")
public final class FormatExtensions {

    private FormatExtensions() {
    }

    static String amount(BigDecimal value) {
        return Format.amount(value);
    }
}
