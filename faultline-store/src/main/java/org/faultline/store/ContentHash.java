package org.faultline.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The identity of a document: SHA-256 (hex) of its normalised text. Normalisation is Unicode NFKC, line breaks
 * and runs of white space folded to one space, and leading/trailing space removed, so the same article read
 * from a file with CRLF line ends or re-wrapped lines is the same document. Case and punctuation are kept.
 * Thread-safe.
 */
public final class ContentHash {
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ContentHash() {
    }

    public static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return SPACE.matcher(n).replaceAll(" ").strip();
    }

    public static String of(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
