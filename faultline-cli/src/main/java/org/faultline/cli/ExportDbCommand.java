package org.faultline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.faultline.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code faultline export-db}: copies a DuckDB store into a new file in the DuckDB 1.4 storage format, which the
 * DuckDB 1.x clients (Python, Node) read. Stores created by this version are in that format already; the command
 * is for files written by an earlier Faultline.
 */
@Command(name = "export-db", mixinStandardHelpOptions = true,
        description = "Copy a DuckDB store into a new file that DuckDB 1.x clients (Python, Node; storage format "
                + EventStore.DUCKDB_STORAGE_COMPATIBILITY + ") can open.",
        footer = {"", "Example:", "  faultline export-db --db faultline.duckdb for-python.duckdb"})
public final class ExportDbCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "FILE", description = "The DuckDB store to copy (default ./faultline.duckdb). It must exist.")
    String db;

    @Parameters(index = "0", paramLabel = "TARGET", description = "New DuckDB file to write (must not exist).")
    Path target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (EventStore store = EventStore.openExisting(db)) {
            store.exportDuckDb(target);
            spec.commandLine().getErr().println("copied " + store.url().display() + " to " + target
                    + " (DuckDB storage format " + EventStore.DUCKDB_STORAGE_COMPATIBILITY + ")");
        }
        return 0;
    }
}
