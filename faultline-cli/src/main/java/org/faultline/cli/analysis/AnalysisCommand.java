package org.faultline.cli.analysis;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.faultline.analysis.Scope;
import org.faultline.cli.Usage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the analyses that count at a level share (blocs, bridges, dyad, faultlines, network, novel): the store and
 * counting options, and the scope they ask for, a usage error before the store is opened when the level is not one.
 * A subclass states its own options, checks them, and answers in that scope (usually with
 * {@link StoreOptions#answer}). Not thread-safe (one per parsed command line).
 */
abstract class AnalysisCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    CountingOptions counting = new CountingOptions();

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws IOException {
        return answer(Usage.option(spec, "--level", () -> store.scope(counting)));
    }

    /** Checks the command's own options and answers in {@code scope}; returns the exit code. */
    abstract int answer(Scope scope) throws IOException;
}
