package org.faultline.eval;

import java.util.Comparator;

/**
 * The few places where the reference scorer's numbers depend on Python string semantics: what counts as
 * whitespace for {@code str.strip()}, and the code-point order that {@code sorted()} uses on strings.
 */
final class PyText {
    /** Python's {@code sorted()} order on strings: by code point, not by UTF-16 unit as {@link String#compareTo}. */
    static final Comparator<String> CODE_POINT_ORDER = PyText::compareCodePoints;

    private PyText() {
    }

    /** The characters for which Python's {@code str.isspace()} is true. */
    static boolean isSpace(int cp) {
        switch (cp) {
            case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D:
            case 0x1C: case 0x1D: case 0x1E: case 0x1F: case 0x20:
            case 0x85: case 0xA0: case 0x1680:
            case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** Python's {@code s.strip()}. */
    static String strip(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end) {
            int cp = s.codePointAt(begin);
            if (!isSpace(cp)) {
                break;
            }
            begin += Character.charCount(cp);
        }
        while (end > begin) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(begin, end);
    }

    static boolean isBlank(String s) {
        return strip(s).isEmpty();
    }

    /** Python's {@code s[:n]}: the first {@code n} code points. */
    static String headCodePoints(String s, int n) {
        if (s.codePointCount(0, s.length()) <= n) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, n));
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
