package org.faultline.coding.kb;

import java.text.Normalizer;

/**
 * Accent folding for name lookup: "Sekou Touré", "Sékou Touré" and "Sekou Toure" are one name, as are "Lopez
 * Obrador" and "López Obrador". Folding maps each character on its own (a precomposed letter to its base letter),
 * so a folded string keeps its length and a match in folded text is a match at the same offsets in the original.
 * Letters that are no base letter plus marks ("ø", "ß", "ł") stay as they are. Stateless, thread-safe.
 */
public final class Diacritics {
    private Diacritics() {
    }

    /** The base letter of a precomposed accented letter ("é" → "e"), else the character itself. */
    public static char fold(char c) {
        if (c < 0x80) {
            return c;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        if (d.length() < 2) {
            return c;
        }
        for (int k = 1; k < d.length(); k++) {
            if (Character.getType(d.charAt(k)) != Character.NON_SPACING_MARK) {
                return c;
            }
        }
        return d.charAt(0);
    }

    /** The string with every character {@link #fold(char) folded}; same length; the same object when pure ASCII. */
    public static String fold(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? s : new String(out);
    }

    /**
     * Whether {@code text} holds {@code form} at {@code start}, accents aside; with {@code ignoreCase} letters match
     * whatever their case ("The" for a form that starts "the").
     */
    public static boolean regionMatches(String text, int start, String form, boolean ignoreCase) {
        if (text.regionMatches(ignoreCase, start, form, 0, form.length())) {
            return true;
        }
        if (start < 0 || start + form.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < form.length(); k++) {
            char a = fold(text.charAt(start + k));
            char b = fold(form.charAt(k));
            if (a != b && !(ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }
}
