package org.faultline.cli.watch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.faultline.store.WatchLog;
import org.faultline.store.WatchLog.Alert;
import org.faultline.store.WatchLog.Channel;

/**
 * Delivers the alerts the watch log holds undelivered: each as one JSON line on standard output or appended to a
 * JSON Lines file ({@link Channel#WRITTEN}), and posted to a webhook when one is given ({@link Channel#POSTED}; with
 * none, alerts are marked posted as they are written). An alert is marked delivered after it went out. A file is read
 * once at start for the ids it holds, so an alert written just before a crash is not written again; on standard
 * output, and to the webhook (which gets the id to tell), a crash in that instant can repeat the one alert. A
 * webhook that fails (an error status, no answer) is reported on the error stream and keeps its alerts, in order,
 * for a later delivery; it is backed off as a failing feed is ({@link PoliteClient#backoff}: twice the base wait
 * after one failure, four times after two, up to an hour) and never stops the writing of alerts nor the watcher.
 * One thread at a time.
 */
public final class AlertDelivery implements AutoCloseable {
    private final WatchLog log;
    private final PrintWriter out;
    private final BufferedWriter file;
    private final Set<String> inFile = new HashSet<>();
    private final URI webhook;
    private final PoliteClient client;
    private final PrintWriter err;
    private final Duration webhookBackoff;
    private int webhookFailures;
    private Instant webhookNextTry = Instant.MIN;

    /**
     * @param out     where alerts go when {@code file} is null
     * @param file    a JSON Lines file to append to, or null
     * @param webhook where to POST each alert, or null
     */
    public AlertDelivery(WatchLog log, PrintWriter out, Path file, URI webhook, PoliteClient client, PrintWriter err)
            throws IOException {
        this(log, out, file, webhook, client, err, DEFAULT_WEBHOOK_BACKOFF);
    }

    /** The base wait of a failing webhook: 30 s after one failure ({@code 2 x 15 s}), then 1 min, ..., up to 1 h. */
    public static final Duration DEFAULT_WEBHOOK_BACKOFF = Duration.ofSeconds(15);

    /** As above, with the base wait of a failing webhook ({@code webhookBackoff}, doubled per failure in a row). */
    public AlertDelivery(WatchLog log, PrintWriter out, Path file, URI webhook, PoliteClient client, PrintWriter err,
                         Duration webhookBackoff) throws IOException {
        this.webhookBackoff = java.util.Objects.requireNonNull(webhookBackoff, "webhookBackoff");
        this.log = log;
        this.out = out;
        this.webhook = webhook;
        this.client = client;
        this.err = err;
        if (file != null) {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String id = AlertJson.idOf(line);
                    if (id != null) {
                        inFile.add(id);
                    }
                }
            }
            this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } else {
            this.file = null;
        }
    }

    /** Sends what is undelivered; returns the alerts written now. */
    public List<Alert> deliver() throws InterruptedException {
        List<Alert> written = new ArrayList<>();
        for (Alert a : log.undelivered(Channel.WRITTEN)) {
            if (!inFile.contains(a.id())) {
                write(a.json());
                written.add(a);
            }
            log.delivered(Channel.WRITTEN, List.of(a.id()));
            if (webhook == null) {
                log.delivered(Channel.POSTED, List.of(a.id()));
            }
        }
        if (webhook != null && !Instant.now().isBefore(webhookNextTry)) {
            for (Alert a : log.undelivered(Channel.POSTED)) {
                Optional<String> problem = client.postJson(webhook, a.json());
                if (problem.isPresent()) {
                    webhookFailures++;
                    Duration wait = PoliteClient.backoff(webhookBackoff, webhookFailures);
                    webhookNextTry = Instant.now().plus(wait);
                    err.println("watch: webhook failed (" + webhookFailures + " in a row): " + problem.get() + "; "
                            + a.id() + " and later alerts are posted in " + Watcher.human(wait) + " or later");
                    err.flush();
                    break;
                }
                webhookFailures = 0;
                log.delivered(Channel.POSTED, List.of(a.id()));
            }
        }
        return written;
    }

    /** Failures of the webhook in a row (0 when the last post went through, or none was tried). */
    public int webhookFailures() {
        return webhookFailures;
    }

    private void write(String line) {
        try {
            if (file != null) {
                file.write(line);
                file.write('\n');
                file.flush();
            } else {
                out.println(line);
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an alert", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
