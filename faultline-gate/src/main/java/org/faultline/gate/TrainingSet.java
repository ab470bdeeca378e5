package org.faultline.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.faultline.model.EventType;

/**
 * The sentences a head is trained on, read from tab-separated files of {@code LABEL<TAB>sentence} lines, where
 * LABEL is a PLOVER type (an event sentence) or {@code NONE} (a sentence that holds no political event). Blank
 * lines and lines starting with {@code #} are skipped. Every sentence in these files was written for Faultline by
 * its authors; nothing from the development or held-out gold sets goes in. Immutable.
 *
 * @param files    the files with their SHA-256, in the order read
 * @param examples the labelled sentences, in file order
 */
public record TrainingSet(List<SourceFile> files, List<Example> examples) {
    public static final String NONE = "NONE";

    public TrainingSet {
        files = List.copyOf(files);
        examples = List.copyOf(examples);
    }

    /**
     * Reads the files in the order given.
     *
     * @param names how each file is named in the provenance record (its path under the resource folder)
     * @throws IllegalArgumentException for a bad line, naming file:line and the labels accepted
     */
    public static TrainingSet read(Path dir, List<String> names) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        List<Example> examples = new ArrayList<>();
        for (String name : names) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            files.add(new SourceFile(name, sha256(bytes), bytes.length));
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String where = name + ":" + (i + 1);
                if (tab <= 0 || tab == line.length() - 1) {
                    throw new IllegalArgumentException(where + ": expected LABEL<TAB>sentence, got '" + line + "'");
                }
                String label = line.substring(0, tab).strip();
                EventType type = null;
                if (!label.equals(NONE)) {
                    try {
                        type = EventType.parse(label);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + ": label '" + label + "' is neither " + NONE
                                + " nor a PLOVER type (" + e.getMessage() + ")");
                    }
                }
                examples.add(new Example(line.substring(tab + 1).strip(), type, where));
            }
        }
        return new TrainingSet(files, examples);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A training file as the provenance record names it. */
    public record SourceFile(String path, String sha256, long bytes) {
    }

    /**
     * One labelled sentence.
     *
     * @param text  the sentence
     * @param type  its PLOVER type, or {@code null} when it holds no political event
     * @param where file:line
     */
    public record Example(String text, EventType type, String where) {
        public boolean event() {
            return type != null;
        }
    }
}
