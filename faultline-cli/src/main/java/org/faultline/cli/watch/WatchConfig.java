package org.faultline.cli.watch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code faultline watch} follows: feeds (RSS 2.0 or Atom over http or https) and folders, each with an outlet
 * name, a poll interval and a language. Read from the command line or a small file, one source a line:
 * <pre>
 * # comment
 * feed   https://news.example/world.rss  outlet="Example News"  interval=10m  language=en
 * folder /data/inbox                     outlet=Desk            interval=30s
 * </pre>
 * Every problem of a file is reported as {@code file:line: what, and what is accepted}. Immutable.
 */
public final class WatchConfig {
    /** Languages the coder reads. */
    public static final Set<String> LANGUAGES = Set.of("en");
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Set<String> KEYS = Set.of("outlet", "interval", "language");
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:([a-z]+)=)?(\"[^\"]*\"|[^\"\\s]\\S*)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** A feed or a folder. */
    public enum Kind {
        FEED, FOLDER
    }

    /**
     * One source.
     *
     * @param kind     feed or folder
     * @param address  the feed's URL, or the folder's path
     * @param outlet   the outlet its articles are stored under, or null for the feed's own title / the folder name
     * @param interval time between two polls
     * @param language the language of its articles
     */
    public record Source(Kind kind, String address, String outlet, Duration interval, String language) {
        public Source {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(language, "language");
        }

        /** The id it has in the store's watch log. */
        public String id() {
            return (kind == Kind.FEED ? "feed:" : "folder:") + address;
        }
    }

    private final List<Source> sources;

    private WatchConfig(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    public List<Source> sources() {
        return sources;
    }

    public static WatchConfig of(List<Source> sources) {
        return new WatchConfig(sources);
    }

    /** The sources of a configuration file. */
    public static WatchConfig read(Path file, Duration defaultInterval) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Source> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                out.add(parseLine(line, defaultInterval));
            } catch (IllegalArgumentException e) {
                problems.add(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": names no feed or folder (lines like: feed URL outlet=NAME "
                    + "interval=5m language=en)");
        }
        return new WatchConfig(out);
    }

    /** One line: {@code feed|folder ADDRESS [outlet=NAME] [interval=DURATION] [language=CODE]}. */
    static Source parseLine(String line, Duration defaultInterval) {
        Matcher m = TOKEN.matcher(line);
        List<String[]> tokens = new ArrayList<>();
        int at = 0;
        while (at < line.length() && m.find(at) && m.start() == at) {
            tokens.add(new String[] {m.group(1), unquote(m.group(2))});
            at = m.end();
        }
        if (at < line.strip().length()) {
            throw new IllegalArgumentException("cannot read '" + line.substring(at).strip() + "' (an unclosed quote?)");
        }
        if (tokens.size() < 2 || tokens.get(0)[0] != null || tokens.get(1)[0] != null) {
            throw new IllegalArgumentException("expected 'feed URL' or 'folder PATH' then key=value settings, got '"
                    + line + "'");
        }
        String kindWord = tokens.get(0)[1];
        Kind kind;
        if (kindWord.equals("feed")) {
            kind = Kind.FEED;
        } else if (kindWord.equals("folder")) {
            kind = Kind.FOLDER;
        } else {
            throw new IllegalArgumentException("unknown source kind '" + kindWord + "'; expected feed or folder");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String[] t : tokens.subList(2, tokens.size())) {
            if (t[0] == null && t[1].contains("=\"")) {
                throw new IllegalArgumentException("cannot read '" + t[1] + "' (an unclosed quote?)");
            }
            if (t[0] == null || !KEYS.contains(t[0])) {
                throw new IllegalArgumentException("unknown setting '" + (t[0] == null ? t[1] : t[0])
                        + "'; expected outlet=, interval= or language=");
            }
            if (settings.put(t[0], t[1]) != null) {
                throw new IllegalArgumentException(t[0] + "= is given twice");
            }
        }
        Duration interval = settings.containsKey("interval") ? duration(settings.get("interval")) : defaultInterval;
        return source(kind, tokens.get(1)[1], settings.get("outlet"), interval,
                settings.getOrDefault("language", "en"));
    }

    /** A checked source: an http(s) URL for a feed, a language the coder reads, an interval of 1 s or more. */
    public static Source source(Kind kind, String address, String outlet, Duration interval, String language) {
        String lang = language.toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("language '" + language + "' is not one the coder reads; expected "
                    + String.join(", ", LANGUAGES));
        }
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("interval " + interval.toMillis() + " ms is below 1s");
        }
        if (kind == Kind.FEED) {
            try {
                URI u = new URI(address);
                if (u.getScheme() == null || !Set.of("http", "https").contains(u.getScheme().toLowerCase(Locale.ROOT))
                        || u.getHost() == null) {
                    throw new IllegalArgumentException("feed address '" + address + "' is not an http or https URL");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("feed address '" + address + "' is not a URL: " + e.getReason());
            }
        } else {
            address = Path.of(address).toAbsolutePath().normalize().toString();
        }
        return new Source(kind, address, outlet == null || outlet.isBlank() ? null : outlet.strip(), interval, lang);
    }

    /** {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("interval '" + text + "' is not a duration like 30s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms":
                return Duration.ofMillis(n);
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            default:
                return Duration.ofHours(n);
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
