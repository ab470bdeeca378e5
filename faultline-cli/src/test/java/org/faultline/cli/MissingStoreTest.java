package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code --db} that names no store is a failure (exit 1, the path in the message) for every command that reads a
 * store, the server included; none of them creates an empty store in its place.
 */
class MissingStoreTest {
    @TempDir
    Path dir;

    static Stream<List<String>> readers() {
        return Stream.of(List.of("events"), List.of("dyad", "RUS", "UKR"), List.of("network"), List.of("blocs"),
                List.of("bridges"), List.of("faultlines", "ISR", "UKR"), List.of("novel", "--since", "2024-01-01"),
                List.of("stories"), List.of("stories", "show", "k0"), List.of("stories", "remerge"),
                List.of("stories", "split", "k0"), List.of("stories", "off"), List.of("brief", "ISR", "UKR"),
                List.of("failures"), List.of("serve", "--port", "0"), List.of("export-db", "never-written.duckdb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aMissingStoreIsAFailureNamingThePath(List<String> command) {
        Path missing = dir.resolve("typo.duckdb");
        List<String> args = new ArrayList<>(command);
        args.add("--db");
        args.add(missing.toString());
        // Before the fix "serve" started on a new empty store and waited for Ctrl-C.
        CliRun.Run r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.run(args.toArray(String[]::new)));
        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(1);
        assertThat(r.err()).contains("no store at " + missing).contains("faultline ingest");
        assertThat(r.out()).isEmpty();
        assertThat(missing).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }
}
