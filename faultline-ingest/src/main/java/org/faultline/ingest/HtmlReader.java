package org.faultline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.faultline.model.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns decoded HTML into an article: the main text (from {@code <article>}, else {@code <main>}, else
 * {@code <body>}, without scripts, styles, navigation, headers, footers and asides), block elements
 * joined by blank lines; the title from {@code og:title} or {@code <title>}; the date from the usual
 * meta tags or JSON-LD {@code datePublished}, else {@link ReadOptions#defaultDate()}.
 */
final class HtmlReader {

    static final String OWN_DATE = "a published-time meta tag";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DROPPED = "script, style, noscript, template, nav, header, footer, aside, form, iframe";
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";
    private static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre");
    /** Meta tags that carry a publication date, most specific first. */
    private static final List<String> DATE_META = List.of(
            "meta[property=article:published_time]",
            "meta[property=og:article:published_time]",
            "meta[itemprop=datePublished]",
            "meta[name=date]",
            "meta[name=dc.date]",
            "meta[name=dc.date.issued]",
            "meta[name=dcterms.date]",
            "meta[name=pubdate]",
            "meta[name=publish-date]");

    private HtmlReader() {
    }

    static ReadOutcome read(String origin, String id, String html, ReadOptions options) {
        Document doc = Jsoup.parse(html);
        String title = firstNonBlank(attr(doc, "meta[property=og:title]"), doc.title());
        String source = attr(doc, "meta[property=og:site_name]");
        String url = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), attr(doc, "meta[property=og:url]"));
        Optional<LocalDate> found = findDate(doc);
        String text = mainText(doc);
        if (text.isEmpty()) {
            return ReadOutcome.failed(origin, id, "has no text in its HTML body");
        }
        LocalDate date = found.orElse(options.defaultDate());
        if (date == null) {
            return ReadOutcome.failed(origin, id, options.noDate(OWN_DATE));
        }
        Optional<String> implausible = PublicationDates.implausible(date);
        if (implausible.isPresent()) {
            return ReadOutcome.failed(origin, id, implausible.get());
        }
        return new ReadOutcome.Read(new Article(id, date, text, title, source, url, origin));
    }

    private static Optional<LocalDate> findDate(Document doc) {
        for (String selector : DATE_META) {
            for (Element meta : doc.select(selector)) {
                Optional<LocalDate> d = PublicationDates.parse(meta.attr("content"));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Optional<LocalDate> d = jsonLdDate(script.data());
            if (d.isPresent()) {
                return d;
            }
        }
        for (Element time : doc.select("time[datetime][pubdate], article time[datetime]")) {
            Optional<LocalDate> d = PublicationDates.parse(time.attr("datetime"));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> jsonLdDate(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Broken JSON-LD is common on real pages; the other date sources still apply.
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        for (JsonNode value : root.findValues("datePublished")) {
            Optional<LocalDate> d = PublicationDates.parse(value.asText());
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private static String mainText(Document doc) {
        doc.select(DROPPED).remove();
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.selectFirst("main");
        }
        if (root == null) {
            root = doc.body();
        }
        List<String> blocks = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            if (!insideAnotherBlock(block, root)) {
                String t = block.text().strip();
                if (!t.isEmpty()) {
                    blocks.add(t);
                }
            }
        }
        if (blocks.isEmpty()) {
            return root.text().strip();
        }
        return String.join("\n\n", blocks);
    }

    private static boolean insideAnotherBlock(Element block, Element root) {
        for (Element p = block.parent(); p != null && p != root; p = p.parent()) {
            if (BLOCK_TAGS.contains(p.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static String attr(Document doc, String selector) {
        return attr(doc, selector, "content");
    }

    private static String attr(Document doc, String selector, String attribute) {
        Element e = doc.selectFirst(selector);
        if (e == null) {
            return null;
        }
        String v = e.attr(attribute).strip();
        return v.isEmpty() ? null : v;
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null || b.isBlank() ? null : b.strip();
    }
}
