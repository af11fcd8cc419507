package io.budgetlens.ingest.decode;

/**
 * Normalises text for the parser: full-width digits, letters and punctuation (０-９, ，：；（）％．…) become their ASCII
 * forms, the ideographic and no-break spaces become spaces, CR LF and CR become LF. Every replacement is one character
 * for one character except the dropped CR, and {@link Normalized#toOriginal} maps each normalised offset back to the
 * offset in the text before normalisation.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Normalised text with the original offset of every character (and of the end, at index text.length()). */
    public record Normalized(String text, int[] toOriginal) {

        public int originalOffset(int normalizedOffset) {
            return toOriginal[normalizedOffset];
        }
    }

    public static Normalized normalize(String original) {
        // The characters folded in place: the normalised text is never longer than the original.
        char[] chars = original.toCharArray();
        int[] map = new int[chars.length + 1];
        int n = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\r') {
                if (i + 1 < chars.length && chars[i + 1] == '\n') {
                    continue;
                }
                c = '\n';
            }
            map[n] = i;
            chars[n++] = fold(c);
        }
        map[n] = chars.length;
        int[] exact = map;
        if (n < chars.length) {
            exact = new int[n + 1];
            System.arraycopy(map, 0, exact, 0, n + 1);
        }
        return new Normalized(new String(chars, 0, n), exact);
    }

    /** The ASCII form of a full-width character (U+FF01..U+FF5E), spaces folded; other characters unchanged. */
    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        if (c == '\u3000' || c == '\u00A0' || c == '\u2002' || c == '\u2003' || c == '\u2009') {
            return ' ';
        }
        if (c == '\uFEFF' || c == '\u200B') {
            return ' ';
        }
        return c;
    }
}
