package org.faultline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Walks the inputs depth-first, opening one file at a time, and yields their outcomes in order.
 * Directory listings are held per level (names only); file contents only while they are being read.
 * Not thread-safe.
 */
final class InputWalker implements Iterator<ReadOutcome>, AutoCloseable {

    private final Iterator<String> inputs;
    private final ReadOptions options;
    private final InputStream stdin;
    /** Open directory listings, innermost first. */
    private final Deque<Iterator<Path>> listings = new ArrayDeque<>();
    /** The directory given on the command line that the listings descend from, for document ids. */
    private Path root;
    private ArticleReaders.Opened current;
    /** The file each whole-file document id of this run went to, so that no id names two files. */
    private final Map<String, Path> idsGiven = new HashMap<>();

    InputWalker(List<String> inputs, ReadOptions options, InputStream stdin) {
        this.inputs = inputs.iterator();
        this.options = options;
        this.stdin = stdin;
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.outcomes().hasNext()) {
            closeCurrent();
            current = openNext();
            if (current == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ReadOutcome next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.outcomes().next();
    }

    @Override
    public void close() {
        closeCurrent();
        listings.clear();
    }

    private void closeCurrent() {
        if (current != null) {
            ArticleReaders.Opened done = current;
            current = null;
            done.close().run();
        }
    }

    /** The next file's outcomes, or null when every input is done. */
    private ArticleReaders.Opened openNext() {
        while (true) {
            if (!listings.isEmpty()) {
                Iterator<Path> listing = listings.peek();
                if (!listing.hasNext()) {
                    listings.pop();
                    continue;
                }
                Path child = listing.next();
                if (!Files.isDirectory(child)) {
                    return ArticleReaders.readFile(child, uniqueId(ArticleReaders.relativeId(root, child), child),
                            options);
                }
                ArticleReaders.Opened failed = descend(child);
                if (failed != null) {
                    return failed;
                }
                continue;
            }
            if (!inputs.hasNext()) {
                return null;
            }
            String input = inputs.next();
            if (input.equals("-")) {
                return ArticleReaders.readStdin(stdin, options);
            }
            Path path;
            try {
                path = Path.of(input);
            } catch (InvalidPathException e) {
                return ArticleReaders.Opened.of(ReadOutcome.failed(input, null, "is not a valid path: " + e.getReason()));
            }
            if (!Files.exists(path)) {
                return ArticleReaders.Opened.of(ReadOutcome.failed(input, null, "no such file or directory"));
            }
            if (!Files.isDirectory(path)) {
                String id = ArticleReaders.stripExtension(path.getFileName().toString());
                return ArticleReaders.readFile(path, uniqueId(id, path), options);
            }
            root = path;
            ArticleReaders.Opened failed = descend(path);
            if (failed != null) {
                return failed;
            }
        }
    }

    /**
     * {@code id} when no other file of this run has it, else the file's path as given without its extension,
     * else (when even that was taken, by a file named like another's path) its absolute path.
     */
    private String uniqueId(String id, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        for (String candidate : List.of(id, ArticleReaders.pathId(file), ArticleReaders.pathId(normal))) {
            Path holder = idsGiven.putIfAbsent(candidate, normal);
            if (holder == null || holder.equals(normal)) {
                return candidate;
            }
        }
        return ArticleReaders.pathId(normal);
    }

    /** Pushes the listing of {@code dir}; returns a failure outcome when it cannot be listed. */
    private ArticleReaders.Opened descend(Path dir) {
        try {
            listings.push(ArticleReaders.list(dir).iterator());
            return null;
        } catch (IOException e) {
            return ArticleReaders.Opened.of(ReadOutcome.failed(dir.toString(), null,
                    "directory " + ArticleReaders.describe(e)));
        }
    }
}
