package org.faultline.cli.analysis;

import java.time.LocalDate;
import org.faultline.analysis.Scope;
import org.faultline.store.ActorLevel;
import org.faultline.store.EventStore;
import picocli.CommandLine.Option;

/** Options every question command shares: where the store is, the period, the actor level, what counts. */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL", description = "Store: a DuckDB file (default ./faultline.duckdb), "
            + "postgresql://user@host:port/db or a jdbc: URL.")
    String db;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD), inclusive.")
    LocalDate to;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Actors as countries/groups (country, default) or "
            + "as actor and sector, e.g. RUS:MIL (sector).")
    String level = "country";

    @Option(names = "--mentions", description = "Count every mention, not each merged event (story) once.")
    boolean mentions;

    public EventStore open() {
        return EventStore.open(db);
    }

    public Scope scope() {
        Scope s = new Scope(from, to, ActorLevel.parse(level), true);
        return mentions ? s.countingMentions() : s;
    }
}
