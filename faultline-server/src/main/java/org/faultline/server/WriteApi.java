package org.faultline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.FailuresJson;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.ingest.ArticleReaders;
import org.faultline.ingest.PublicationDates;
import org.faultline.ingest.ReadOptions;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Article;
import org.faultline.model.Failure;
import org.faultline.store.DocumentIdConflictException;
import org.faultline.store.DocumentPlace;
import org.faultline.store.EventWriter;
import org.faultline.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/code} (codes a text, stores nothing; open to all) and {@code POST /api/ingest} (codes and
 * stores; needs the bearer token). Input is read by the command line's readers ({@link ArticleReaders}), with its
 * rules: a JSON body {@code {"text", "date", "id", "title"}} is one JSON Lines record; a multipart form's
 * {@code file} part is read by its extension (plain text with front matter, HTML, JSON Lines: one document per
 * line) and a {@code text} field like standard input (JSON Lines when it starts with <code>{</code>); other
 * content types are refused (415), {@code text/plain} because any web page can send it. A {@code date} field or {@code ?date=} is the date of documents that carry none, like
 * {@code --date}; a document without a date is refused, as are dates before 1800 or more than a year ahead.
 * Without an {@code id}, an upload is named after its file and a text after the hash of its bytes. A document whose
 * id names another stored text is stored as {@code ID~HASH} (its {@code document_id} in the answer), with a warning
 * of stage {@code document-id} in the answer and in the failures; it is refused (409, recorded) only when that id
 * too names another text. A document {@code /api/ingest} cannot read (no text, no date, an
 * empty or unreadable file) is answered 400 and recorded as that document's failure with stage {@code read}, as the
 * command line records a bad file; errors in the request itself (malformed JSON, unknown fields, a bad
 * {@code ?date=}) are only answered. Thread-safe.
 */
final class WriteApi {
    /** How the API takes a default date, for the message of an undated document. */
    static final String DATE_HINT = "a default date (?date=YYYY-MM-DD or a 'date' form field)";

    private static final Logger LOG = LoggerFactory.getLogger(WriteApi.class);

    private final EventWriter writer;
    private final Supplier<ArticleCoder> coder;
    private final byte[] token;
    private final CodingGate gate;

    /**
     * @param token the bearer token for writes, or {@code null}: the server is read-only
     * @param gate  the limits {@code /api/code} codes within
     */
    WriteApi(EventWriter writer, Supplier<ArticleCoder> coder, String token, CodingGate gate) {
        this.writer = writer;
        this.coder = coder;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.gate = gate;
    }

    void register(RoutesConfig r) {
        r.post("/api/code", this::code);
        r.post("/api/ingest", this::ingest);
    }

    private void code(Context ctx) {
        Article article = one(readDocuments(ctx), "/api/code codes one document; send JSON Lines to /api/ingest");
        CodingResult result;
        try (ClientWatch client = new ClientWatch(ctx)) {
            result = gate.code(coder, article, client::gone);
        }
        ObjectNode o = AnswerJson.object();
        ObjectNode doc = o.putObject("document");
        doc.put("id", article.id());
        doc.put("date", article.date().toString());
        doc.put("title", article.title());
        doc.put("text", article.text());
        o.put("sentences", result.sentences());
        o.set("events", AnswerJson.events(result.events()));
        if (result.failed()) {
            o.set("failure", FailuresJson.failure(result.failure()));
        } else {
            o.putNull("failure");
        }
        o.set("warnings", failures(result.warnings()));
        ReadApi.send(ctx, o);
    }

    private void ingest(Context ctx) {
        authorise(ctx);
        List<ReadOutcome> read = readDocuments(ctx);
        if (read.size() == 1) {
            if (read.get(0) instanceof ReadOutcome.Failed f) {
                // as the command line records a file it cannot read, and as a bad line of a JSON Lines upload is
                writer.storeFailure(f.failure());
            }
            ingestOne(ctx, one(read, null));
            return;
        }
        ObjectNode o = AnswerJson.object();
        ArrayNode docs = o.putArray("documents");
        int stored = 0;
        int already = 0;
        int failed = 0;
        for (ReadOutcome r : read) {
            ObjectNode d = docs.addObject();
            d.put("origin", r.origin());
            if (r instanceof ReadOutcome.Failed f) {
                writer.storeFailure(f.failure());
                d.put("document_id", f.failure().docId());
                d.put("status", "failed");
                d.put("reason", f.failure().reason());
                failed++;
                continue;
            }
            Article a = ((ReadOutcome.Read) r).article();
            Stored s = codeAndStore(a);
            d.put("document_id", s.documentId(a));
            d.put("status", s.status());
            if (s.failure() != null) {
                d.put("reason", s.failure().reason());
                failed++;
            } else {
                d.put("events", s.result().events().size());
                d.set("warnings", failures(s.result().warnings()));
                if (s.status().equals("stored")) {
                    stored++;
                } else {
                    already++;
                }
            }
        }
        o.put("stored", stored);
        o.put("already_stored", already);
        o.put("failed", failed);
        ctx.status(stored > 0 ? 201 : 200);
        ReadApi.send(ctx, o);
    }

    private void ingestOne(Context ctx, Article article) {
        Stored s = codeAndStore(article);
        ObjectNode o = AnswerJson.object();
        o.put("document_id", s.documentId(article));
        if (s.failure() != null) {
            ctx.status(s.httpStatus());
            o.put("error", s.httpStatus() == 422 ? "coding failed: " + s.failure().reason()
                    : s.failure().reason());
            o.put("stored", false);
            ReadApi.send(ctx, o);
            return;
        }
        boolean stored = s.status().equals("stored");
        o.put("stored", stored);
        if (!stored) {
            o.put("note", "a document with the same text is already stored; nothing was written");
        }
        o.set("events", AnswerJson.events(s.result().events()));
        o.set("warnings", failures(s.result().warnings()));
        ctx.status(stored ? 201 : 200);
        ReadApi.send(ctx, o);
    }

    /**
     * What became of one document: {@code status} stored, already_stored or failed; a failure (recorded in the
     * store) with the HTTP status that says it when it failed.
     */
    private record Stored(String status, CodingResult result, Failure failure, int httpStatus) {
        /** The id the document has in the store (its own, {@code ID~HASH}, or the id its text is stored under). */
        String documentId(Article given) {
            return result == null ? given.id() : result.article().id();
        }
    }

    /**
     * Places the document in the store ({@link EventWriter#place}), codes it and stores it with the warning of its
     * place: under its own id, or as {@code ID~HASH} when its id names another stored text. When another writer
     * stores another text under its id while it is coded, it is placed and coded again.
     */
    private Stored codeAndStore(Article article) {
        DocumentPlace place = writer.place(article);
        for (int tries = 0; ; tries++) {
            Article placed = place.article();
            if (place instanceof DocumentPlace.AlreadyStored) {
                return new Stored("already_stored", coder.get().code(placed), null, 200);
            }
            if (place instanceof DocumentPlace.Refused r) {
                return refused(article, r.conflict());
            }
            CodingResult result = coder.get().code(placed);
            if (result.failed()) {
                writer.storeFailure(result.failure());
                return new Stored("failed", result, result.failure(), 422);
            }
            List<Failure> warnings = new ArrayList<>(result.warnings());
            warnings.addAll(place.warnings());
            try {
                boolean stored = writer.storeCoded(placed, result.events(), warnings);
                result = new CodingResult(placed, result.events(), result.sentences(), null,
                        stored ? warnings : result.warnings());
                return new Stored(stored ? "stored" : "already_stored", result, null, stored ? 201 : 200);
            } catch (DocumentIdConflictException e) {
                if (tries == 0 && place instanceof DocumentPlace.AsGiven) {
                    place = writer.place(article);
                    continue;
                }
                return refused(placed, e);
            } catch (StoreException e) {
                LOG.warn("cannot store document {} ({})", placed.id(), placed.origin(), e);
                Failure f = new Failure(placed.origin(), placed.id(), "store", "could not be stored: " + e.getMessage());
                writer.storeFailure(f);
                return new Stored("failed", result, new Failure(f.origin(), f.docId(), f.stage(),
                        "the document could not be stored; the reason is recorded in /api/failures"), 500);
            }
        }
    }

    private Stored refused(Article article, DocumentIdConflictException e) {
        Failure f = new Failure(article.origin(), article.id(), "store", e.reason());
        writer.storeFailure(f);
        return new Stored("failed", null, f, 409);
    }

    private static ArrayNode failures(List<Failure> list) {
        ArrayNode a = AnswerJson.MAPPER.createArrayNode();
        list.forEach(f -> a.add(FailuresJson.failure(f)));
        return a;
    }

    /** The one document read, or a 400: its read failure, or {@code many} when there are several. */
    private static Article one(List<ReadOutcome> read, String many) {
        if (read.size() != 1) {
            throw ApiException.badRequest("the input holds " + read.size() + " documents; " + many);
        }
        ReadOutcome r = read.get(0);
        if (r instanceof ReadOutcome.Failed f) {
            throw ApiException.badRequest(f.failure().reason());
        }
        return ((ReadOutcome.Read) r).article();
    }

    private void authorise(Context ctx) {
        if (token == null) {
            throw new ApiException(403, List.of("this server is read-only: start it with --token (or FAULTLINE_TOKEN)"
                    + " to allow writes"));
        }
        String h = ctx.header("Authorization");
        String given = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
        if (given == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, List.of("this endpoint needs the header 'Authorization: Bearer <token>'"));
        }
        if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiException(401, List.of("the bearer token is not the one this server was started with"));
        }
    }

    /**
     * The documents of a request as the command line's readers see them (read failures included), or a 400
     * listing every problem with the request itself.
     */
    static List<ReadOutcome> readDocuments(Context ctx) {
        List<String> problems = new ArrayList<>();
        String date = ctx.queryParam("date");
        String id = ctx.queryParam("id");
        String title = ctx.queryParam("title");
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        ObjectNode record = null;
        byte[] bytes = null;
        boolean noText = false;
        String name = "text";
        String origin = "api";
        if (type.startsWith("application/json")) {
            JsonNode n;
            try {
                n = AnswerJson.MAPPER.readTree(ctx.bodyAsBytes());
            } catch (IOException e) {
                throw ApiException.badRequest("the body is not valid JSON: " + e.getMessage().lines().findFirst()
                        .orElse(""));
            }
            if (n == null || !n.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object like {\"text\": \"...\", \"date\": "
                        + "\"2024-06-19\"}");
            }
            for (java.util.Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!List.of("text", "date", "id", "title").contains(f)) {
                    problems.add("unknown field '" + f + "'; expected text, date, id, title");
                }
            }
            String text = textField(n, "text", problems);
            String ownDate = textField(n, "date", problems);
            id = firstNonNull(textField(n, "id", problems), id);
            title = firstNonNull(textField(n, "title", problems), title);
            if (ownDate != null && !ownDate.isBlank()) {
                checkDate(ownDate, problems);
            }
            if (text == null || text.isBlank()) {
                noText = true;
            } else {
                record = AnswerJson.object();
                record.put("id", id != null ? id.trim() : "text-" + shortHash(text));
                record.put("text", text);
                if (ownDate != null && !ownDate.isBlank()) {
                    record.put("date", ownDate);
                }
                record.put("title", title);
            }
        } else if (type.startsWith("multipart/form-data")) {
            UploadedFile file;
            try {
                file = ctx.uploadedFile("file");
            } catch (Exception e) { // Javalin passes Jetty's checked ServletException through undeclared
                if (FaultlineServer.isTooLarge(e)) {
                    throw new IllegalStateException("upload over the size limit", e); // answered 413
                }
                // found by InputFuzzTest: a cut or garbled form was a 500. The rest of the body is unread, so the
                // connection cannot carry another request: say so, or a client reusing it gets no answer
                throw new ApiException(400, List.of("the multipart form cannot be read (is it cut short, or is its "
                        + "boundary wrong?)"), java.util.Map.of("Connection", "close"));
            }
            if (file != null) {
                name = file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
                origin = "upload:" + name;
                try (InputStream in = file.content()) {
                    bytes = in.readAllBytes();
                } catch (IOException e) {
                    problems.add("cannot read the uploaded file: " + e.getMessage());
                }
            } else if (ctx.formParam("text") != null && !ctx.formParam("text").isBlank()) {
                bytes = ctx.formParam("text").getBytes(StandardCharsets.UTF_8);
            }
            date = firstNonNull(ctx.formParam("date"), date);
            id = firstNonNull(ctx.formParam("id"), id);
            title = firstNonNull(ctx.formParam("title"), title);
            noText = bytes == null && problems.isEmpty();
        } else {
            // any web page the user visits can send text/plain here without asking; JSON needs a CORS preflight,
            // which this server never grants (a multipart form can be sent too: HostCheck refuses its foreign Origin)
            throw new ApiException(415, List.of((type.isEmpty() ? "no content type"
                    : "unsupported content type '" + ctx.contentType() + "'")
                    + "; send application/json ({\"text\": \"...\", \"date\": \"2024-06-19\"}) or "
                    + "multipart/form-data (a 'file' or 'text' part)"));
        }
        LocalDate defaultDate = checkDate(date, problems);
        if (id != null && (id.isBlank() || id.length() > 200)) {
            problems.add("id must be 1 to 200 characters");
        }
        if (!problems.isEmpty()) {
            if (noText) {
                problems.add(0, NO_TEXT);
            }
            throw ApiException.badRequest(problems);
        }
        if (noText) {
            // a well-formed request for a document without text: that document's read failure, as for an empty file
            return List.of(ReadOutcome.failed(origin, id == null ? null : id.trim(), NO_TEXT));
        }
        ReadOptions options = ReadOptions.defaults().withMaxBytes(Long.MAX_VALUE).withDateHint(DATE_HINT)
                .withDefaultDate(defaultDate);
        if (record != null) {
            return List.of(ArticleReaders.readRecord(record, origin, options));
        }
        List<ReadOutcome> read = ArticleReaders.readBytes(bytes, name, id == null ? null : id.trim(), origin, options);
        String givenTitle = title;
        return givenTitle == null ? read : read.stream().map(r -> withTitle(r, givenTitle)).toList();
    }

    /** The date in {@code date}, or null when it is absent or a problem (then added to {@code problems}). */
    private static LocalDate checkDate(String date, List<String> problems) {
        if (date == null || date.isBlank()) {
            return null;
        }
        java.util.Optional<LocalDate> parsed = PublicationDates.parse(date);
        if (parsed.isEmpty()) {
            problems.add("date '" + date + "' is not a date like 2024-06-19");
            return null;
        }
        java.util.Optional<String> implausible = PublicationDates.implausible(parsed.get());
        implausible.ifPresent(problems::add);
        return implausible.isPresent() ? null : parsed.get();
    }

    private static final String NO_TEXT = "no text: give 'text' (JSON or form field) or a 'file' upload";

    /** A title given with the request names a document that has none of its own. */
    private static ReadOutcome withTitle(ReadOutcome r, String title) {
        if (r instanceof ReadOutcome.Read read && read.article().title() == null) {
            Article a = read.article();
            return new ReadOutcome.Read(new Article(a.id(), a.date(), a.text(), title, a.source(), a.url(),
                    a.origin()));
        }
        return r;
    }

    private static String textField(JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add("field '" + field + "' must be a string");
            return null;
        }
        return v.asText();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String shortHash(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
