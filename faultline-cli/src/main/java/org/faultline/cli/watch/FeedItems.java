package org.faultline.cli.watch;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.xml.sax.InputSource;

/**
 * The items of an RSS 2.0 or Atom document, read with Rome: key (guid or id, else link), link, title, publication
 * date and text (full content when the feed carries it, else the summary), both as plain text. An answer that is an
 * HTML page, or XML that is no feed, is refused with the reason. Stateless.
 */
final class FeedItems {
    /** Text at least this long counts as the whole article; shorter is a summary and the page is fetched. */
    static final int FULL_TEXT_CHARS = 600;

    /** One item. */
    record Item(String key, String link, String title, LocalDate published, String text, boolean fullText) {
    }

    /** A feed's title and items, newest as the feed orders them. */
    record Feed(String title, String language, List<Item> items) {
    }

    private FeedItems() {
    }

    /**
     * Parses a feed.
     *
     * @throws IllegalArgumentException naming what the answer was instead (an HTML page, malformed XML)
     */
    static Feed parse(byte[] body, String contentType) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (contentType.startsWith("text/html") || head.startsWith("<!doctype html") || head.startsWith("<html")) {
            throw new IllegalArgumentException("answered an HTML page, not an RSS or Atom feed");
        }
        SyndFeed feed;
        try {
            SyndFeedInput in = new SyndFeedInput();
            in.setAllowDoctypes(false);
            InputSource src = new InputSource(new ByteArrayInputStream(body));
            feed = in.build(src);
        } catch (FeedException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a readable RSS or Atom feed: " + firstLine(e.getMessage()));
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String link = blankToNull(e.getLink());
            String key = blankToNull(e.getUri());
            if (key == null) {
                key = link;
            }
            if (key == null) {
                continue;
            }
            String full = text(e.getContents());
            String summary = e.getDescription() == null ? "" : plain(e.getDescription().getValue());
            String text = full.length() >= summary.length() ? full : summary;
            Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            LocalDate published = d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
            items.add(new Item(key, link, blankToNull(plain(e.getTitle())), published, text,
                    text.length() >= FULL_TEXT_CHARS));
        }
        return new Feed(blankToNull(plain(feed.getTitle())), blankToNull(feed.getLanguage()), items);
    }

    private static String text(List<SyndContent> contents) {
        StringBuilder b = new StringBuilder();
        for (SyndContent c : contents) {
            if (c.getValue() != null) {
                if (b.length() > 0) {
                    b.append("\n\n");
                }
                b.append(c.getType() != null && c.getType().contains("text") && !c.getType().contains("html")
                        ? c.getValue().strip() : plain(c.getValue()));
            }
        }
        return b.toString();
    }

    /** HTML to text, paragraphs kept apart by blank lines. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        var doc = Jsoup.parseBodyFragment(html);
        var blocks = doc.select("p, li, h1, h2, h3, h4, blockquote");
        if (blocks.isEmpty()) {
            return doc.text().strip();
        }
        List<String> parts = new ArrayList<>();
        blocks.forEach(b -> {
            if (!b.text().isBlank()) {
                parts.add(b.text().strip());
            }
        });
        return String.join("\n\n", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String s) {
        return s == null ? "no detail" : s.lines().findFirst().orElse(s);
    }

}
