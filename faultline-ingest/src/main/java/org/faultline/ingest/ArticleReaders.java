package org.faultline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Entry point of ingestion: turns command-line inputs into a lazy stream of {@link ReadOutcome}s, one
 * per document (and one per failed file, line or directory).
 *
 * <p>Inputs are paths or {@code -} for standard input. By extension: {@code .txt}, {@code .md} and any
 * unknown extension are plain text (see the front matter rules on the package's plain-text reader);
 * {@code .html}/{@code .htm} are HTML; {@code .jsonl}/{@code .ndjson} are JSON Lines. Directories are
 * read recursively in name order, skipping hidden entries. Standard input is JSON Lines when its first
 * non-blank character is <code>{</code>, else one plain-text (or HTML) document.
 *
 * <p>Document ids: a file's name without its extension; for files found inside a directory, the path
 * relative to that directory, with {@code /} separators, without the extension. When that id was already
 * given to another file in the same run ({@code a/article.txt b/article.txt}), the later file's id is its
 * path as given, without the extension ({@code b/article}). Standard input, which has no path, gets
 * {@code stdin-} and the first 12 hex digits of the SHA-256 of its bytes, so two different texts piped in
 * never share an id and the same text always gets the same one. JSON Lines documents carry their own ids.
 * (A store keeps a second text under an id it already holds, from an earlier run, as {@code ID~HASH}: see the
 * store's {@code EventWriter.place}.)
 *
 * <p>Files are opened only as the stream is consumed, so a folder of 100,000 files is never held in
 * memory. Close the returned stream (try-with-resources) to release a file left half-read. Bad input
 * never throws: it becomes a {@link ReadOutcome.Failed} with stage {@code read}. Each call returns an
 * independent stream; the class holds no state.
 */
public final class ArticleReaders {

    private static final Set<String> TEXT = Set.of("txt", "text", "md", "markdown");
    private static final Set<String> HTML = Set.of("html", "htm", "xhtml");
    private static final Set<String> JSON_LINES = Set.of("jsonl", "ndjson");
    private static final Set<String> BINARY = Set.of("pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx",
            "zip", "gz", "tgz", "bz2", "xz", "7z", "tar", "png", "jpg", "jpeg", "gif", "webp",
            "mp3", "mp4", "class", "jar", "exe", "so", "dylib", "parquet", "duckdb");
    private static final int SNIFF = 8192;

    private enum Format { TEXT, HTML, JSON_LINES }

    private ArticleReaders() {
    }

    /** Reads {@code inputs}, with {@code -} meaning {@link System#in}. */
    public static Stream<ReadOutcome> read(List<String> inputs, ReadOptions options) {
        return read(inputs, options, System.in);
    }

    /** Reads {@code inputs}, with {@code -} meaning {@code stdin} (which is never closed here). */
    public static Stream<ReadOutcome> read(List<String> inputs, ReadOptions options, InputStream stdin) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(stdin, "stdin");
        // A hand-written iterator rather than flatMap: Stream.iterator() buffers a whole flatMapped
        // inner stream, which for a directory would mean reading every file before the first is seen.
        InputWalker walker = new InputWalker(List.copyOf(inputs), options, stdin);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walker,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(walker::close);
    }

    /**
     * Reads an uploaded file or a request body with the rules of the command line: the format from the
     * extension of {@code name} (JSON Lines, HTML, plain text with front matter; binary formats refused), or,
     * when it has no known extension, from the content as for standard input. Whole-document inputs get
     * {@code id}, or when it is null the stem of {@code name} (a file name) or, for a name without an extension,
     * that name, a dash and the first 12 hex digits of the SHA-256 of the bytes. Never throws for bad input.
     *
     * @param bytes   the whole input (the caller bounds its size)
     * @param name    the file name ({@code war.txt}), or a label for a body without one ({@code text})
     * @param id      the document id, or null to derive it; ignored for JSON Lines, whose lines carry their own
     * @param origin  where the input came from, for messages and failures
     * @return one outcome per document (several for JSON Lines)
     */
    public static List<ReadOutcome> readBytes(byte[] bytes, String name, String id, String origin, ReadOptions options) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(options, "options");
        String ext = extension(name);
        boolean hasExtension = !ext.isEmpty();
        String docId = id != null ? id : hasExtension ? stripExtension(name) : name + "-" + shortHash(bytes);
        if (BINARY.contains(ext)) {
            return List.of(ReadOutcome.failed(origin, docId, "is a ." + ext
                    + " file, which Faultline does not read; convert it to text, HTML or JSON Lines first"));
        }
        InputStream in = new java.io.ByteArrayInputStream(bytes);
        boolean jsonLines = JSON_LINES.contains(ext);
        if (!jsonLines && !HTML.contains(ext) && !TEXT.contains(ext)) {
            BufferedInputStream buffered = new BufferedInputStream(in);
            try {
                jsonLines = firstNonBlank(buffered) == '{';
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("reading bytes held in memory", e);
            }
            in = buffered;
        }
        if (jsonLines) {
            List<ReadOutcome> out = new java.util.ArrayList<>();
            new JsonLinesReader(in, origin, options).forEachRemaining(out::add);
            return out.isEmpty() ? List.of(ReadOutcome.failed(origin, null, "is empty")) : out;
        }
        Format format = HTML.contains(ext) ? Format.HTML : TEXT.contains(ext) ? Format.TEXT : null;
        try {
            TextBytes.checkSize(origin, bytes.length, options.maxBytes(), "file");
            return List.of(decodeDocument(bytes, bytes.length, origin, docId, format, options));
        } catch (UnreadableInput e) {
            return List.of(e.toOutcome(docId));
        }
    }

    /**
     * One document given as a JSON object {@code {"id", "date", "text", "title"?, "source"?, "url"?}}, with the
     * rules of a JSON Lines line (the same date rules, the same failures).
     */
    public static ReadOutcome readRecord(com.fasterxml.jackson.databind.JsonNode record, String origin, ReadOptions options) {
        return JsonLinesReader.record(record, origin, options);
    }

    /** The outcomes of one file or of standard input, and how to release what they hold. */
    record Opened(Iterator<ReadOutcome> outcomes, Runnable close) {
        static Opened of(ReadOutcome outcome) {
            return new Opened(List.of(outcome).iterator(), () -> { });
        }
    }

    /** Listing of a directory in name order without hidden entries. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    static Opened readFile(Path file, String id, ReadOptions options) {
        String origin = file.toString();
        String ext = extension(file.getFileName().toString());
        if (BINARY.contains(ext)) {
            return Opened.of(ReadOutcome.failed(origin, id, "is a ." + ext
                    + " file, which Faultline does not read; convert it to text, HTML or JSON Lines first"));
        }
        if (JSON_LINES.contains(ext)) {
            return readJsonLinesFile(file, origin, id, options);
        }
        Format format = HTML.contains(ext) ? Format.HTML : TEXT.contains(ext) ? Format.TEXT : null;
        return Opened.of(readDocument(file, origin, id, format, options));
    }

    private static Opened readJsonLinesFile(Path file, String origin, String id, ReadOptions options) {
        InputStream in;
        try {
            if (Files.size(file) == 0) {
                return Opened.of(ReadOutcome.failed(origin, id, "is empty"));
            }
            in = new BufferedInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            return Opened.of(ReadOutcome.failed(origin, id, describe(e)));
        }
        JsonLinesReader reader = new JsonLinesReader(in, origin, options);
        return new Opened(reader, reader::close);
    }

    /** Reads one whole-file document; {@code format} null means "decide from the content". */
    private static ReadOutcome readDocument(Path file, String origin, String id, Format format, ReadOptions options) {
        try {
            TextBytes.checkSize(origin, Files.size(file), options.maxBytes(), "file");
            byte[] bytes = Files.readAllBytes(file);
            return decodeDocument(bytes, bytes.length, origin, id, format, options);
        } catch (UnreadableInput e) {
            return e.toOutcome(id);
        } catch (IOException e) {
            return ReadOutcome.failed(origin, id, describe(e));
        }
    }

    private static ReadOutcome decodeDocument(byte[] bytes, int length, String origin, String id, Format format,
            ReadOptions options) throws UnreadableInput {
        if (length == 0) {
            throw new UnreadableInput(origin, "is empty");
        }
        TextBytes.checkNotBinary(origin, bytes, length);
        String text = TextBytes.decode(origin, bytes, length, 0, options.strictUtf8());
        if (text.isBlank()) {
            throw new UnreadableInput(origin, "is empty");
        }
        Format actual = format != null ? format : looksLikeHtml(text) ? Format.HTML : Format.TEXT;
        return actual == Format.HTML
                ? HtmlReader.read(origin, id, text, options)
                : PlainTextReader.read(origin, id, text, options);
    }

    static Opened readStdin(InputStream stdin, ReadOptions options) {
        String origin = "-";
        BufferedInputStream in = new BufferedInputStream(stdin);
        try {
            if (firstNonBlank(in) == '{') {
                return new Opened(new JsonLinesReader(in, origin, options), () -> { });
            }
            long limit = options.maxBytes();
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                return Opened.of(ReadOutcome.failed(origin, "stdin", "standard input is over the "
                        + TextBytes.formatSize(limit, false) + " limit (--max-bytes)"));
            }
            String id = "stdin-" + shortHash(bytes);
            try {
                return Opened.of(decodeDocument(bytes, bytes.length, origin, id, null, options));
            } catch (UnreadableInput e) {
                return Opened.of(e.toOutcome(id));
            }
        } catch (IOException e) {
            return Opened.of(ReadOutcome.failed(origin, "stdin", describe(e)));
        }
    }

    /** Peeks at the first byte that is not white space or a byte-order mark; -1 if none is near the start. */
    private static int firstNonBlank(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        try {
            for (int i = 0; i < SNIFF; i++) {
                int b = in.read();
                if (b == -1) {
                    return -1;
                }
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xef && b != 0xbb && b != 0xbf) {
                    return b;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    private static boolean looksLikeHtml(String text) {
        String head = text.stripLeading();
        head = head.substring(0, Math.min(head.length(), 64)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /** The first 12 hex digits of the SHA-256 of {@code bytes}: an id for input that has no path. */
    static String shortHash(byte[] bytes) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return java.util.HexFormat.of().formatHex(h, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A file's id from its path as given: {@code /} separators, no extension ({@code b/article}). */
    static String pathId(Path file) {
        Path parent = file.getParent();
        String stem = stripExtension(file.getFileName().toString());
        if (parent == null) {
            return stem;
        }
        StringBuilder id = new StringBuilder();
        if (file.isAbsolute()) {
            id.append('/');
        }
        for (int i = 0; i < parent.getNameCount(); i++) {
            id.append(parent.getName(i)).append('/');
        }
        return id.append(stem).toString();
    }

    static String relativeId(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < rel.getNameCount(); i++) {
            if (i > 0) {
                id.append('/');
            }
            String part = rel.getName(i).toString();
            id.append(i == rel.getNameCount() - 1 ? stripExtension(part) : part);
        }
        return id.toString();
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    /** A reason for a failed read: "no such file or directory" or "cannot be read: ...". */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
