package io.budgetlens.reporting.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers the way the documents print them: thousands separated by commas, the decimals as printed. */
public final class Format {

    private Format() {
    }

    public static String amount(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        if (value.scale() > 4) { // a computed figure (an excess, a rate): four decimals are plenty to read
            value = value.setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        }
        int scale = Math.max(0, value.scale());
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        return format.format(value);
    }

    public static String percent(BigDecimal share) {
        if (share == null) {
            return "—";
        }
        return share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
