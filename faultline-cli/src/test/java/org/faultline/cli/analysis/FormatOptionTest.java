package org.faultline.cli.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.faultline.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every question command takes {@code --format} from the one {@link FormatOption} mixin, with the formats it
 * accepted before (the first the default) and the same help text; any other name is refused while parsing, naming
 * the accepted ones.
 */
class FormatOptionTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "events; table json jsonl csv gdelt parquet; table (default), json, jsonl, csv, gdelt or parquet.",
        "network; table json csv graphml gexf dot; table (default), json, csv, graphml, gexf or dot.",
        "dyad A B; table json csv; table (default), json or csv.",
        "blocs; table json csv; table (default), json or csv.",
        "bridges; table json csv; table (default), json or csv.",
        "faultlines A B; table json csv; table (default), json or csv.",
        "novel --since 2024-01-01; table json csv; table (default), json or csv.",
        "failures; table json csv; table (default), json or csv.",
        "stories; table json csv; table (default), json or csv.",
        "stories show X; table json; table (default) or json.",
        "brief A B; html md; html (default) or md."})
    void eachCommandAcceptsItsFormatsWithItsHelpText(String command, String accepted, String help) {
        List<String> args = Arrays.asList(command.split(" "));
        List<String> names = Arrays.asList(accepted.split(" "));

        ParseResult parsed = parse(args);
        OptionSpec option = parsed.commandSpec().findOption("--format");
        assertThat(option.description()).containsExactly(help);
        assertThat(mixin(parsed).accepted()).extracting(f -> f.name().toLowerCase(Locale.ROOT))
                .containsExactlyElementsOf(names);
        assertThat(mixin(parsed).get().name()).isEqualToIgnoringCase(names.get(0));
        for (String name : names) {
            assertThat(mixin(parse(with(args, "--format", name.toUpperCase(Locale.ROOT)))).get().name())
                    .isEqualToIgnoringCase(name);
        }
        assertThatThrownBy(() -> parse(with(args, "--format", "xml")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--format: unknown format 'xml'; expected one of " + String.join(", ", names));
    }

    private static ParseResult parse(List<String> args) {
        ParseResult r = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r;
    }

    private static FormatOption mixin(ParseResult r) {
        return (FormatOption) r.commandSpec().mixins().values().stream()
                .filter(m -> m.userObject() instanceof FormatOption).findFirst().orElseThrow().userObject();
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> out = new java.util.ArrayList<>(args);
        out.addAll(List.of(more));
        return out;
    }
}
