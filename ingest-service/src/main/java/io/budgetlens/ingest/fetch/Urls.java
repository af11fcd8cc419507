package io.budgetlens.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * URLs as people and portals write them (spaces and Chinese in paths, stray {@code %}) made into {@link URI}s:
 * characters a URI does not allow are percent-encoded as UTF-8; control characters are refused. Plain Java.
 */
final class Urls {

    private static final String ALLOWED_PUNCTUATION = "-._~:/?#[]@!$&'()*+,;=%";

    private Urls() {
    }

    /**
     * @throws FetchException 400 for control characters or a string that is no URI even once escaped
     */
    static URI parse(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw TargetGuard.refused("Refused the URL: it contains control characters (line breaks, tabs).");
            }
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
            if (c == '%' && !(i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2)))) {
                escaped.append("%25");
            } else if (plain) {
                escaped.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    escaped.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                i = end - 1;
            }
        }
        try {
            return new URI(escaped.toString());
        } catch (URISyntaxException e) {
            throw TargetGuard.refused("Refused '" + shorten(text) + "': it is not a valid URL (" + e.getReason()
                    + ").");
        }
    }

    /** A reference (a link's href, a Location header) resolved against the URL it was found at. */
    static URI resolve(URI base, String reference) {
        URI ref = parse(reference.strip());
        return base.resolve(ref);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
