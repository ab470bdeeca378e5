package org.faultline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.model.Article;
import org.faultline.store.EventStore;

/**
 * {@code POST /api/code} (codes a text, stores nothing; open to all) and {@code POST /api/ingest} (codes and
 * stores; needs the bearer token). A text comes as JSON {@code {"text", "date", "id", "title"}}, as a
 * multipart form with a {@code file} (or {@code text}) part and a {@code date} field, or as a plain-text body
 * with {@code ?date=}. The date defaults to today (UTC). Thread-safe.
 */
final class WriteApi {
    private final EventStore store;
    private final Supplier<ArticleCoder> coder;
    private final byte[] token;

    /** @param token the bearer token for writes, or {@code null}: the server is read-only */
    WriteApi(EventStore store, Supplier<ArticleCoder> coder, String token) {
        this.store = store;
        this.coder = coder;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    void register(RoutesConfig r) {
        r.post("/api/code", this::code);
        r.post("/api/ingest", this::ingest);
    }

    private void code(Context ctx) {
        Article article = readArticle(ctx);
        CodingResult result = coder.get().code(article);
        ObjectNode o = ApiJson.object();
        ObjectNode doc = o.putObject("document");
        doc.put("id", article.id());
        doc.put("date", article.date().toString());
        doc.put("title", article.title());
        doc.put("text", article.text());
        o.put("sentences", result.sentences());
        o.set("events", ApiJson.events(result.events()));
        if (result.failed()) {
            o.set("failure", ApiJson.failure(result.failure()));
        } else {
            o.putNull("failure");
        }
        ReadApi.send(ctx, o);
    }

    private void ingest(Context ctx) {
        authorise(ctx);
        Article article = readArticle(ctx);
        CodingResult result = coder.get().code(article);
        ObjectNode o = ApiJson.object();
        o.put("document_id", article.id());
        if (result.failed()) {
            store.storeFailure(result.failure());
            ctx.status(422);
            o.put("error", "coding failed: " + result.failure().reason());
            o.put("stored", false);
            ReadApi.send(ctx, o);
            return;
        }
        boolean stored = store.storeCoded(article, result.events());
        o.put("stored", stored);
        if (!stored) {
            o.put("note", "a document with the same text is already stored; nothing was written");
        }
        o.set("events", ApiJson.events(result.events()));
        ctx.status(stored ? 201 : 200);
        ReadApi.send(ctx, o);
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

    /** The article of a request, or a 400 listing every problem with it. */
    static Article readArticle(Context ctx) {
        List<String> problems = new ArrayList<>();
        String text = null;
        String date = ctx.queryParam("date");
        String id = ctx.queryParam("id");
        String title = ctx.queryParam("title");
        String origin = "api";
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean readable = true;
        if (type.startsWith("application/json")) {
            JsonNode n;
            try {
                n = ApiJson.MAPPER.readTree(ctx.bodyAsBytes());
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
            text = textField(n, "text", problems);
            date = firstNonNull(textField(n, "date", problems), date);
            id = firstNonNull(textField(n, "id", problems), id);
            title = firstNonNull(textField(n, "title", problems), title);
        } else if (type.startsWith("multipart/form-data")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file != null) {
                origin = "upload:" + file.filename();
                try (InputStream in = file.content()) {
                    text = decode(in.readAllBytes(), problems, "the uploaded file");
                } catch (IOException e) {
                    problems.add("cannot read the uploaded file: " + e.getMessage());
                }
                if (id == null && ctx.formParam("id") == null && file.filename() != null) {
                    id = file.filename().replaceFirst("\\.[A-Za-z0-9]+$", "");
                }
            } else {
                text = ctx.formParam("text");
            }
            date = firstNonNull(ctx.formParam("date"), date);
            id = firstNonNull(ctx.formParam("id"), id);
            title = firstNonNull(ctx.formParam("title"), title);
        } else if (type.startsWith("text/plain") || type.isEmpty()) {
            text = decode(ctx.bodyAsBytes(), problems, "the body");
        } else {
            readable = false;
            problems.add("unsupported content type '" + ctx.contentType() + "'; send application/json, "
                    + "multipart/form-data (a 'file' part) or text/plain");
        }
        if (readable && (text == null || text.isBlank())) {
            problems.add("no text: give 'text' (JSON or form field), a 'file' upload, or a plain-text body");
        }
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                problems.add("date '" + date + "' is not a date like 2024-06-19");
            }
        }
        if (id != null && (id.isBlank() || id.length() > 200)) {
            problems.add("id must be 1 to 200 characters");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        String docId = id != null ? id.trim() : "text-" + shortHash(text);
        return new Article(docId, day == null ? LocalDate.now(ZoneOffset.UTC) : day, text, title, null, null, origin);
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

    private static String decode(byte[] bytes, List<String> problems, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(what + " is not UTF-8 text");
            return null;
        }
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
