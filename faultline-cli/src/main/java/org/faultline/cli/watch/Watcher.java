package org.faultline.cli.watch;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.faultline.analysis.alerts.DyadAlerts;
import org.faultline.cli.watch.WatchConfig.Kind;
import org.faultline.cli.watch.WatchConfig.Source;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.ingest.ArticleReaders;
import org.faultline.ingest.ReadOptions;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Article;
import org.faultline.model.Failure;
import org.faultline.query.StoredDocument;
import org.faultline.store.DocumentIdConflictException;
import org.faultline.store.DocumentPlace;
import org.faultline.store.EventStore;
import org.faultline.store.EventWriter;
import org.faultline.store.WatchLog.FeedState;
import org.faultline.store.WatchLog.Item;
import org.faultline.store.WatchLog.ItemStatus;
import org.faultline.store.WatchLog;

/**
 * Follows feeds and folders: polls each source when it is due, takes the items it has not taken before, fetches an
 * article page when the feed carries only a summary, codes and stores each document with its item (the store's
 * merging joins the same story from two outlets), checks each new document for alerts ({@link DyadAlerts}) and
 * delivers them ({@link AlertDelivery}). Everything it must remember is in the store's {@link WatchLog}: a restart
 * first finishes what a stopped run left (alerts of stored items, undelivered alerts), and an item or URL taken
 * before is never fetched again. A failing source is reported, backed off and retried; it never stops the others.
 * One thread at a time.
 */
public final class Watcher {
    /** The stage of failures recorded for items that could not be fetched, read or coded. */
    public static final String STAGE = "watch";
    /** How often an article page is asked for, one try per poll of its feed, before its item is given up. */
    public static final int DEFAULT_FETCH_ATTEMPTS = 5;
    private static final java.util.regex.Pattern ATTEMPT = java.util.regex.Pattern.compile(
            "^article page not fetched \\(attempt (\\d+) of \\d+\\)");

    /** How one poll of one source went. */
    public record Poll(String sourceId, boolean ok, int taken, String error) {
    }

    private final EventStore store;
    private final WatchLog log;
    private final ArticleCoder coder;
    private final PoliteClient client;
    private final List<Source> sources;
    private final AlertDelivery delivery;
    private final PrintWriter err;
    private final long maxBytes;
    private final int fetchAttempts;

    public Watcher(EventStore store, ArticleCoder coder, PoliteClient client, List<Source> sources,
                   AlertDelivery delivery, PrintWriter err, long maxBytes) {
        this(store, coder, client, sources, delivery, err, maxBytes, DEFAULT_FETCH_ATTEMPTS);
    }

    /**
     * As above; an article page that could not be fetched {@code fetchAttempts} times (one try per poll of its feed,
     * each try recorded as a failure of stage {@value #STAGE} for its address, so a restart keeps the count) is
     * given up: its item is recorded {@link ItemStatus#FAILED} and its failure says so ({@code faultline failures}).
     */
    public Watcher(EventStore store, ArticleCoder coder, PoliteClient client, List<Source> sources,
                   AlertDelivery delivery, PrintWriter err, long maxBytes, int fetchAttempts) {
        if (fetchAttempts < 1) {
            throw new IllegalArgumentException("fetchAttempts is " + fetchAttempts + "; expected 1 or more");
        }
        this.fetchAttempts = fetchAttempts;
        this.store = Objects.requireNonNull(store, "store");
        this.log = store.watchLog();
        this.coder = Objects.requireNonNull(coder, "coder");
        this.client = Objects.requireNonNull(client, "client");
        this.sources = List.copyOf(sources);
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.err = Objects.requireNonNull(err, "err");
        this.maxBytes = maxBytes;
    }

    /** Finishes what a stopped run left: alerts of items stored but not checked, alerts not delivered. */
    public void recover() throws InterruptedException {
        for (Item item : log.uncheckedItems()) {
            checkAlerts(item);
        }
        delivery.deliver();
    }

    /** Polls every source once, whether due or not (for {@code --once}). */
    public List<Poll> pollAll() throws InterruptedException {
        List<Poll> out = new ArrayList<>();
        for (Source s : sources) {
            out.add(poll(s));
        }
        return out;
    }

    /** Polls the sources that are due now; returns their polls. */
    public List<Poll> pollDue() throws InterruptedException {
        List<Poll> out = new ArrayList<>();
        Instant now = Instant.now();
        for (Source s : sources) {
            Instant next = log.feed(s.id()).map(FeedState::nextPoll).orElse(null);
            if (next == null || !next.isAfter(now)) {
                out.add(poll(s));
            }
        }
        return out;
    }

    /** Until interrupted: recover, then poll what is due, sleeping in between. */
    public void run() throws InterruptedException {
        recover();
        while (!Thread.currentThread().isInterrupted()) {
            pollDue();
            Instant soonest = Instant.now().plusSeconds(60);
            for (Source s : sources) {
                Instant next = log.feed(s.id()).map(FeedState::nextPoll).orElse(Instant.now());
                if (next.isBefore(soonest)) {
                    soonest = next;
                }
            }
            long wait = Duration.between(Instant.now(), soonest).toMillis();
            if (wait > 0) {
                Thread.sleep(Math.min(wait, 60_000));
            }
        }
    }

    /** One poll of one source; never throws for a source's failure (it is reported, recorded and backed off). */
    public Poll poll(Source s) throws InterruptedException {
        FeedState before = log.feed(s.id()).orElse(FeedState.fresh(s.id(), s.address(), s.outlet()));
        Instant now = Instant.now();
        Poll p;
        String etag = before.etag();
        String lastModified = before.lastModified();
        try {
            if (s.kind() == Kind.FEED) {
                PoliteClient.Answer a = client.get(URI.create(s.address()), etag, lastModified);
                if (a instanceof PoliteClient.NotModified) {
                    p = new Poll(s.id(), true, 0, null);
                } else if (a instanceof PoliteClient.Failed f) {
                    p = failed(s, before, now, f.reason(), f.retryAfter());
                    return p;
                } else {
                    PoliteClient.Body b = (PoliteClient.Body) a;
                    FeedItems.Feed feed;
                    try {
                        feed = FeedItems.parse(b.bytes(), b.contentType());
                    } catch (IllegalArgumentException e) {
                        return failed(s, before, now, s.address() + " " + e.getMessage(), null);
                    }
                    int taken = takeFeed(s, feed);
                    etag = b.etag();
                    lastModified = b.lastModified();
                    p = new Poll(s.id(), true, taken, null);
                }
            } else {
                p = new Poll(s.id(), true, takeFolder(s), null);
            }
        } catch (IOException | RuntimeException e) {
            return failed(s, before, now, e.getMessage() == null ? e.toString() : e.getMessage(), null);
        }
        log.saveFeed(new FeedState(s.id(), s.address(), s.outlet(), etag, lastModified, now, Instant.now(), null, 0,
                Instant.now().plus(s.interval()), before.items() + p.taken()));
        delivery.deliver();
        return p;
    }

    private Poll failed(Source s, FeedState before, Instant now, String reason, Duration retryAfter) {
        int failures = before.failures() + 1;
        Duration wait = PoliteClient.backoff(s.interval(), failures);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        log.saveFeed(new FeedState(s.id(), s.address(), s.outlet(), before.etag(), before.lastModified(), now,
                before.lastSuccess(), reason, failures, Instant.now().plus(wait), before.items()));
        err.printf(Locale.ROOT, "watch: %s failed (%d in a row): %s; next try in %s%n", s.address(), failures, reason,
                human(wait));
        err.flush();
        return new Poll(s.id(), false, 0, reason);
    }

    private int takeFeed(Source s, FeedItems.Feed feed) throws InterruptedException {
        String outlet = s.outlet() != null ? s.outlet() : feed.title();
        List<FeedItems.Item> items = new ArrayList<>(feed.items());
        java.util.Collections.reverse(items);
        int taken = 0;
        for (FeedItems.Item it : items) {
            if (log.seen(s.id(), it.key())) {
                continue;
            }
            Item item = new Item(s.id(), it.key(), it.link(), it.title(), outlet, it.published(), null,
                    ItemStatus.CODED, null);
            if (it.link() != null && log.urlSeen(it.link())) {
                log.recordItem(item.withStatus(ItemStatus.DUPLICATE, "address taken before from another feed"));
                taken++;
                continue;
            }
            String origin = it.link() != null ? it.link() : s.address() + "#" + it.key();
            String id = docId(it.link() != null ? it.link() : s.address() + "#" + it.key());
            LocalDate date = it.published() != null ? it.published() : LocalDate.now(ZoneOffset.UTC);
            ReadOutcome read;
            if (it.fullText() || it.link() == null) {
                read = it.text().isBlank() ? ReadOutcome.failed(origin, id, "has no text in the feed and no link")
                        : new ReadOutcome.Read(new Article(id, date, it.text(), it.title(), outlet, it.link(), origin));
            } else {
                PoliteClient.Answer page = client.get(URI.create(it.link()), null, null);
                if (page instanceof PoliteClient.Failed f) {
                    if (fetchFailed(s, item, id, f.reason())) {
                        taken++;
                    }
                    continue;
                }
                if (!(page instanceof PoliteClient.Body b)) {
                    continue;
                }
                List<ReadOutcome> outcomes = ArticleReaders.readBytes(b.bytes(), "page.html", id, origin,
                        ReadOptions.defaults().withMaxBytes(maxBytes).withDefaultDate(date));
                read = outcomes.get(0);
                if (read instanceof ReadOutcome.Read r) {
                    Article a = r.article();
                    read = new ReadOutcome.Read(new Article(id, it.published() != null ? it.published() : a.date(),
                            a.text(), it.title() != null ? it.title() : a.title(), outlet, it.link(), origin));
                }
            }
            take(item, read);
            taken++;
        }
        return taken;
    }

    /**
     * Records one failed try to fetch an item's article page; returns true when that was the last try allowed and
     * the item is now given up (recorded as failed, never asked again), false when it is asked again at the next
     * poll of its feed.
     */
    private boolean fetchFailed(Source s, Item item, String docId, String reason) {
        int attempt = 1 + store.queries().failures().stream()
                .filter(x -> STAGE.equals(x.stage()) && item.url().equals(x.origin()) && docId.equals(x.docId()))
                .map(x -> ATTEMPT.matcher(x.reason())).filter(java.util.regex.Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        if (attempt >= fetchAttempts) {
            String why = "article page not fetched in " + attempt + " attempts, given up: " + reason;
            store.writer().storeFailure(new Failure(item.url(), docId, STAGE, why));
            log.recordItem(new Item(item.feedId(), item.itemKey(), item.url(), item.title(), item.outlet(),
                    item.published(), null, ItemStatus.FAILED, why));
            err.printf(Locale.ROOT, "watch: %s: %s%n", s.address(), why);
            err.flush();
            return true;
        }
        store.writer().storeFailure(new Failure(item.url(), docId, STAGE, "article page not fetched (attempt " + attempt
                + " of " + fetchAttempts + "): " + reason));
        err.printf(Locale.ROOT, "watch: %s: article %s not fetched (attempt %d of %d): %s; tried again next poll%n",
                s.address(), item.url(), attempt, fetchAttempts, reason);
        err.flush();
        return false;
    }

    private int takeFolder(Source s) throws IOException {
        Path root = Path.of(s.address());
        if (!Files.isDirectory(root)) {
            throw new IOException("folder " + root + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        int taken = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String hash = sha(bytes).substring(0, 12);
            String rel = root.relativize(f).toString().replace('\\', '/');
            String key = rel + "@" + hash;
            if (log.seen(s.id(), key)) {
                continue;
            }
            List<ReadOutcome> outcomes = ArticleReaders.readBytes(bytes, f.getFileName().toString(), null,
                    f.toString(), ReadOptions.defaults().withMaxBytes(maxBytes)
                            .withDefaultDate(LocalDate.now(ZoneOffset.UTC)));
            for (int i = 0; i < outcomes.size(); i++) {
                ReadOutcome o = outcomes.get(i);
                String itemKey = outcomes.size() == 1 ? key : key + "#" + (i + 1);
                if (log.seen(s.id(), itemKey)) {
                    continue;
                }
                if (o instanceof ReadOutcome.Read r) {
                    Article a = r.article();
                    if (s.outlet() != null && a.source() == null) {
                        a = new Article(a.id(), a.date(), a.text(), a.title(), s.outlet(), a.url(), a.origin());
                    }
                    o = new ReadOutcome.Read(a);
                }
                take(new Item(s.id(), itemKey, null, null, s.outlet(), null, null, ItemStatus.CODED, null), o);
                taken++;
            }
        }
        return taken;
    }

    /**
     * Codes and stores one read item, or records why not; then its alerts. The document is placed in the store
     * first ({@link EventWriter#place}): a changed file, or an address whose article changed, has an id that names
     * the text stored before, and its new text is stored beside that one as {@code ID~HASH}, with a warning.
     */
    private void take(Item item, ReadOutcome read) {
        if (read instanceof ReadOutcome.Failed f) {
            store.writer().storeFailure(new Failure(f.failure().origin(), f.failure().docId(), STAGE,
                    f.failure().reason()));
            log.recordItem(item.withStatus(ItemStatus.FAILED, f.failure().reason()));
            err.println("watch: " + f.failure().message());
            return;
        }
        Article given = ((ReadOutcome.Read) read).article();
        DocumentPlace place = store.writer().place(given);
        for (int tries = 0; ; tries++) {
            Article a = place.article();
            Item withDoc = new Item(item.feedId(), item.itemKey(), item.url(), item.title() != null ? item.title()
                    : a.title(), item.outlet(), item.published() != null ? item.published() : a.date(), a.id(),
                    item.status(), null);
            if (place instanceof DocumentPlace.Refused refused) {
                fail(withDoc, a, refused.conflict().reason());
                return;
            }
            CodingResult r = coder.code(a);
            if (r.failure() != null) {
                store.writer().storeFailure(r.failure());
                log.recordItem(withDoc.withStatus(ItemStatus.FAILED, r.failure().reason()));
                err.println("watch: " + r.failure().message());
                return;
            }
            List<Failure> warnings = new ArrayList<>(r.warnings());
            warnings.addAll(place.warnings());
            ItemStatus status;
            try {
                status = log.storeItem(withDoc, a, r.events(), warnings);
            } catch (DocumentIdConflictException e) {
                if (tries == 0 && place instanceof DocumentPlace.AsGiven) {
                    // another writer stored another text under this id since it was placed: place it again
                    place = store.writer().place(given);
                    continue;
                }
                fail(withDoc, a, e.reason());
                return;
            }
            err.printf(Locale.ROOT, "watch: %s %s (%s, %d events)%n", status == ItemStatus.CODED ? "stored"
                    : "already stored:", a.id(), a.source() == null ? "no outlet" : a.source(), r.events().size());
            if (status == ItemStatus.CODED) {
                place.warnings().forEach(w -> err.println("watch: warning: " + w.message()));
            }
            err.flush();
            if (status == ItemStatus.CODED) {
                checkAlerts(withDoc.withStatus(ItemStatus.CODED, null));
            }
            return;
        }
    }

    private void fail(Item item, Article a, String reason) {
        store.writer().storeFailure(new Failure(a.origin() == null ? a.id() : a.origin(), a.id(), STAGE, reason));
        log.recordItem(item.withStatus(ItemStatus.FAILED, reason));
        err.println("watch: " + a.id() + ": " + reason);
    }

    private void checkAlerts(Item item) {
        StoredDocument doc = store.queries().document(item.docId()).orElse(null);
        Instant now = Instant.now();
        List<WatchLog.NewAlert> found = new ArrayList<>();
        for (DyadAlerts.Alert a : DyadAlerts.query(store.queries(), item.docId())) {
            found.add(new WatchLog.NewAlert(a.id(), AlertJson.of(a, doc, now)));
        }
        log.addAlerts(item, found);
    }

    /** A document id from an address: its last path segment (letters, digits, dashes) and a short hash. */
    static String docId(String address) {
        String path = address.replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[A-Za-z0-9]{1,5}$", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (last.length() > 60) {
            last = last.substring(0, 60);
        }
        String hash = sha(address.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8);
        return last.isEmpty() ? "item-" + hash : last + "-" + hash;
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : (s / 3600) + " h";
    }
}
