package org.faultline.cli.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.faultline.analysis.Scope;
import org.faultline.analysis.bridges.Theatre;
import org.faultline.analysis.coalitions.Coalitions;
import org.faultline.cli.Usage;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.Coalition;
import org.faultline.store.EventStore;
import org.faultline.store.StoreQueries;
import org.faultline.store.StoredActors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Options every question command shares: where the store is ({@link DbOption}), the period, the coalitions. */
public final class StoreOptions {
    @Mixin
    DbOption db = new DbOption();

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD), inclusive.")
    LocalDate to;

    @Option(names = "--coalitions", paramLabel = "FILE", description = "Coalitions usable as actors (WEST, AXIS): "
            + "this tab-separated file (name, members, description) on top of the bundled ones; default: the file "
            + "named by " + Coalitions.ENV + ", if set.")
    Path coalitionsFile;

    private Coalitions coalitions;

    /** The coalitions (bundled plus the user's file); a bad file is a usage error naming file:line. */
    public Coalitions coalitions(CommandSpec spec) {
        if (coalitions == null) {
            coalitions = Usage.option(spec, "--coalitions", () -> Coalitions.load(coalitionsFile, System.getenv()));
        }
        return coalitions;
    }

    /**
     * The scope with the coalitions these actors name counted as one actor each; coalitions that share a member,
     * or a party that is a member of another's coalition, are a usage error naming {@code option}.
     */
    public Scope withCoalitions(Scope scope, CommandSpec spec, String option, List<ActorKey> actors) {
        List<Coalition> named = coalitions(spec).named(actors);
        Scope s = Usage.option(spec, option, () -> scope.withCoalitions(named));
        for (ActorKey a : actors) {
            for (Coalition c : named) {
                if (c.has(a)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + a + " is a member of "
                            + c.name() + " (" + members(c) + "); ask for one or the other");
                }
            }
        }
        return s;
    }

    /**
     * Refuses (a usage error, exit 2) an actor that nothing in the store is stored under, at any level, and that is
     * no coalition: the message names the close matches, or says that nothing is stored under that key. A question
     * about such an actor would otherwise answer with nothing, as if the actor had done nothing.
     */
    public void requireStored(CommandSpec spec, StoreQueries s, String option, List<ActorKey> actors) {
        StoredActors stored = new StoredActors(s);
        for (ActorKey a : actors) {
            if (a == null || coalitions(spec).get(a.key()).isPresent()) {
                continue;
            }
            stored.problem(a).ifPresent(why -> {
                throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + why);
            });
        }
    }

    /**
     * The theatres of {@code --theatre}, read knowing the store's keys (see {@link Theatre#parse(String, Set)}); a
     * bad theatre, or a member nothing is stored under, is a usage error.
     */
    public List<Theatre> theatres(CommandSpec spec, StoreQueries s, List<String> specs) {
        boolean older = specs.stream().anyMatch(t -> t.contains("-") && !t.contains(Theatre.SIDES));
        java.util.Set<String> known = older ? s.actorKeys() : java.util.Set.of();
        List<Theatre> out = Usage.option(spec, "--theatre", () -> Theatre.parseAll(specs, known));
        for (Theatre t : out) {
            requireStored(spec, s, "--theatre " + t.name(), new ArrayList<>(t.members()));
        }
        return out;
    }

    static String members(Coalition c) {
        List<String> m = new ArrayList<>();
        c.members().forEach(k -> m.add(k.toString()));
        return String.join(", ", m);
    }

    /** Opens the store, which must exist (see {@link DbOption#open}). */
    public EventStore open() {
        return db.open();
    }

    /** Answers {@code question} in {@code format} (see {@link DbOption#answer}); returns the exit code, 0. */
    public int answer(CommandSpec spec, FormatOption format, DbOption.Question question) throws IOException {
        return db.answer(spec, format, question);
    }

    /** As {@link #answer}, written to {@code file} when it is not null (see {@link DbOption#answer}). */
    public int answer(CommandSpec spec, FormatOption format, Path file, DbOption.Question question)
            throws IOException {
        return db.answer(spec, format, file, question);
    }

    /** The period at group level (the API's default: a brief reads the same here and there), each story once. */
    public Scope scope() {
        return new Scope(from, to, ActorLevel.GROUP, true);
    }

    /** The period at the level and counting that {@code counting} asks for. */
    public Scope scope(CountingOptions counting) {
        Scope s = new Scope(from, to, ActorLevel.parse(counting.level), true);
        return counting.mentions ? s.countingMentions() : s;
    }
}
