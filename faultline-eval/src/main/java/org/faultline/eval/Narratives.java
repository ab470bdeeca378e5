package org.faultline.eval;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gold sets that cut a narrative into one record per sentence ({@code icbe-c002-s005}, {@code icbe-c002-s006}, ...:
 * the id of the narrative and a trailing sentence number {@code -sNNN}) lose what a reader of the narrative knows:
 * who "it", "the regime" or "Hassan" is, and where the story is set. This gives each such record the text of the
 * records of its narrative just before it in the file, for the coder to read as context (it codes only the record).
 * Records join a narrative only when they follow one another in the file with rising sentence numbers; any other
 * record starts afresh. Streams: feed the records in file order. Not thread-safe.
 */
public final class Narratives {
    private static final Pattern SENTENCE = Pattern.compile("^(.+)-s(\\d+)$");

    private final int window;
    private final Deque<String> recent = new ArrayDeque<>();
    private String narrative;
    private long lastNumber = -1;

    /** @param window how many earlier records of the narrative to give (0: none) */
    public Narratives(int window) {
        if (window < 0) {
            throw new IllegalArgumentException("narrative window " + window + " is negative");
        }
        this.window = window;
    }

    /**
     * Takes the next record of the file.
     *
     * @return the earlier text of its narrative (up to the window's records, joined by a space), or {@code null}
     *         when it starts a narrative or stands alone
     */
    public String next(String id, String text) {
        Matcher m = SENTENCE.matcher(id);
        long number = m.matches() ? Long.parseLong(m.group(2).length() > 9 ? "-1" : m.group(2)) : -1;
        if (!m.matches() || number < 0 || !m.group(1).equals(narrative) || number <= lastNumber) {
            recent.clear();
            narrative = m.matches() ? m.group(1) : null;
        }
        String preceding = window > 0 && !recent.isEmpty() ? String.join(" ", recent) : null;
        lastNumber = number;
        if (narrative != null && window > 0) {
            recent.addLast(text);
            while (recent.size() > window) {
                recent.removeFirst();
            }
        }
        return preceding;
    }
}
