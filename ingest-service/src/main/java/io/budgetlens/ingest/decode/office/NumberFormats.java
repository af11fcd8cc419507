package io.budgetlens.ingest.decode.office;

/** Word's list number formats (w:numFmt) for the numbers of a list: 一, 二 … 十一; (1); a; iv; ①. */
final class NumberFormats {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";

    private NumberFormats() {
    }

    static String format(int n, String numFmt) {
        return switch (numFmt) {
            case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
                 "ideographDigital", "chineseLegalSimplified" -> chinese(n);
            case "ideographTraditional" -> n >= 1 && n <= 10 ? String.valueOf(HEAVENLY_STEMS.charAt(n - 1))
                    : String.valueOf(n);
            case "decimalZero" -> n < 10 ? "0" + n : String.valueOf(n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> n >= 1 && n <= 20
                    ? String.valueOf((char) ('\u2460' + n - 1)) : String.valueOf(n);
            case "lowerLetter" -> letters(n).toLowerCase(java.util.Locale.ROOT);
            case "upperLetter" -> letters(n);
            case "lowerRoman" -> roman(n).toLowerCase(java.util.Locale.ROOT);
            case "upperRoman" -> roman(n);
            default -> String.valueOf(n);
        };
    }

    /** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五. */
    static String chinese(int n) {
        if (n <= 0 || n >= 1000) {
            return String.valueOf(n);
        }
        StringBuilder b = new StringBuilder();
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        if (hundreds > 0) {
            b.append(DIGITS.charAt(hundreds)).append('百');
            if (tens == 0 && ones > 0) {
                b.append('零');
            }
        }
        if (tens > 0) {
            if (!(tens == 1 && hundreds == 0)) {
                b.append(DIGITS.charAt(tens));
            }
            b.append('十');
        }
        if (ones > 0) {
            b.append(DIGITS.charAt(ones));
        }
        return b.toString();
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        int v = Math.max(1, n);
        while (v > 0) {
            v--;
            b.insert(0, (char) ('A' + v % 26));
            v /= 26;
        }
        return b.toString();
    }

    private static String roman(int n) {
        if (n <= 0 || n >= 4000) {
            return String.valueOf(n);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder b = new StringBuilder();
        int v = n;
        for (int i = 0; i < values.length; i++) {
            while (v >= values[i]) {
                b.append(symbols[i]);
                v -= values[i];
            }
        }
        return b.toString();
    }
}
