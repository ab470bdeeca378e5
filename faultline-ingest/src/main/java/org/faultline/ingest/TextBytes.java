package org.faultline.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Checks raw bytes before they become text: size, binary content and UTF-8 validity. */
final class TextBytes {

    /** Bytes looked at when deciding whether content is binary. */
    private static final int SNIFF_BYTES = 8192;
    /** Share of control bytes above which content counts as binary. */
    private static final double CONTROL_SHARE = 0.10;

    private TextBytes() {
    }

    /** Fails when {@code size} exceeds the limit, with both sizes in human units. */
    static void checkSize(String origin, long size, long maxBytes, String what) throws UnreadableInput {
        if (size > maxBytes) {
            throw new UnreadableInput(origin, what + " is " + formatSize(size, true) + ", over the "
                    + formatSize(maxBytes, false) + " limit (--max-bytes)");
        }
    }

    /** Fails when the bytes hold a NUL or too many control characters. */
    static void checkNotBinary(String origin, byte[] bytes, int length) throws UnreadableInput {
        int n = Math.min(length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw new UnreadableInput(origin, "looks binary (it contains NUL bytes), not text");
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
                control++;
            }
        }
        if (n > 0 && control > n * CONTROL_SHARE) {
            throw new UnreadableInput(origin, String.format(Locale.ROOT,
                    "looks binary (%d%% of its first %d bytes are control characters), not text",
                    Math.round(100.0 * control / n), n));
        }
    }

    /**
     * Decodes UTF-8, dropping a leading byte-order mark. Strict decoding names the first bad byte,
     * counted from {@code baseOffset} (the position of {@code bytes[0]} in its file).
     */
    static String decode(String origin, byte[] bytes, int length, long baseOffset, boolean strict)
            throws UnreadableInput {
        int start = hasBom(bytes, length) ? 3 : 0;
        CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(onError)
                .onUnmappableCharacter(onError);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new UnreadableInput(origin, "invalid UTF-8 at byte " + (baseOffset + in.position()));
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new UnreadableInput(origin, "invalid UTF-8 at byte " + (baseOffset + in.position()));
        }
        out.flip();
        return out.toString();
    }

    private static boolean hasBom(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    }

    /** "7.2 MB", "512 bytes"; limits drop a trailing ".0" so they read as the user typed them. */
    static String formatSize(long bytes, boolean oneDecimal) {
        final long kib = 1024;
        final long mib = kib * 1024;
        if (bytes >= mib) {
            return scaled(bytes, mib, "MB", oneDecimal);
        }
        if (bytes >= kib) {
            return scaled(bytes, kib, "KB", oneDecimal);
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    private static String scaled(long bytes, long unit, String name, boolean oneDecimal) {
        if (!oneDecimal && bytes % unit == 0) {
            return (bytes / unit) + " " + name;
        }
        return String.format(Locale.ROOT, "%.1f %s", (double) bytes / unit, name);
    }
}
