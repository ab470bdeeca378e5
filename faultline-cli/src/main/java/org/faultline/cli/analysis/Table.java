package org.faultline.cli.analysis;

import java.util.List;

/**
 * Rows of cells under a header: what an answer puts in CSV, or aligns in a table ({@link Output#csv},
 * {@link Output#table}). A null cell is written empty. Immutable (the lists are copied).
 */
public record Table(List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
