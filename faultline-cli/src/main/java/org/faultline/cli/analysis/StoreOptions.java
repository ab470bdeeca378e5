package org.faultline.cli.analysis;

import java.time.LocalDate;
import org.faultline.analysis.Scope;
import org.faultline.store.ActorLevel;
import org.faultline.store.EventStore;
import picocli.CommandLine.Option;

/** Options every question command shares: where the store is and the period. */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL", description = "Store: a DuckDB file (default ./faultline.duckdb), "
            + "postgresql://user@host:port/db or a jdbc: URL. It must exist (faultline ingest creates one).")
    String db;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD), inclusive.")
    LocalDate to;

    /** Opens the store, which must exist: a mistyped --db is an error, not a new empty store. */
    public EventStore open() {
        return EventStore.openExisting(db);
    }

    /** The period at country level, each story counted once. */
    public Scope scope() {
        return new Scope(from, to, ActorLevel.COUNTRY, true);
    }

    /** The period at the level and counting that {@code counting} asks for. */
    public Scope scope(CountingOptions counting) {
        Scope s = new Scope(from, to, ActorLevel.parse(counting.level), true);
        return counting.mentions ? s.countingMentions() : s;
    }
}
