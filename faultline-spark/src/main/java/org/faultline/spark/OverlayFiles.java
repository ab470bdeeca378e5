package org.faultline.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.faultline.coding.kb.KbException;
import org.faultline.coding.kb.KbOverlay;
import org.faultline.coding.kb.KnowledgeBase;

/**
 * A knowledge-base overlay directory ({@code --kb DIR}, see {@link KbOverlay}) read on the driver and shipped to the
 * executors as bytes, so that executors on other machines need no shared folder: its {@code .tsv} files by name
 * (other files are ignored, as the overlay ignores them) and a digest of all of them. An executor writes them into
 * a folder of its own and reads that as the overlay; the files, and so the knowledge base's resource hashes and the
 * coded events, are the same as on the driver. Immutable.
 */
public final class OverlayFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final Map<String, byte[]> files;
    private final String digest;

    private OverlayFiles(String source, Map<String, byte[]> files) {
        this.source = source;
        this.files = files;
        this.digest = digestOf(files);
    }

    /**
     * Reads the overlay {@code dir} and checks it as the command line does, by loading it over the bundled
     * knowledge base.
     *
     * @throws IllegalArgumentException when {@code dir} is no directory, or listing every bad row as
     *                                  {@code file:line: problem} (the files as the user named them)
     */
    public static OverlayFiles read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("CodingJob: --kb " + dir + ": no such directory");
        }
        try {
            KnowledgeBase.load(KbOverlay.read(dir), List.of());
        } catch (KbException e) {
            // the message lists every bad row as file:line: problem
            throw new IllegalArgumentException("CodingJob: --kb: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".tsv")) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge-base overlay " + dir, e);
        }
        return new OverlayFiles(dir.toString(), Collections.unmodifiableMap(files));
    }

    /** The directory it was read from, on the driver. */
    public String source() {
        return source;
    }

    /** File names, sorted. */
    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    /** SHA-256 over every file's name and bytes: two overlays with one digest code alike. */
    public String digest() {
        return digest;
    }

    /** Writes the files into a new folder under {@code parent} and returns it. */
    public Path writeInto(Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, "faultline-kb-" + digest.substring(0, 12) + "-");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    private static String digestOf(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                byte[] name = f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sha.update(java.nio.ByteBuffer.allocate(8).putInt(name.length).putInt(f.getValue().length).array());
                sha.update(name);
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
