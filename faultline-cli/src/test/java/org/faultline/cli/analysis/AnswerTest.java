package org.faultline.cli.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one switch over the formats: each form of an answer goes to the format that asks for it, and no other. */
class AnswerTest {
    /** An answer with rows: a number, a cell with a comma and one with a quote. */
    private record Rows() implements Answer {
        @Override
        public JsonNode json() {
            return Output.JSON.valueToTree(Map.of("n", 2));
        }

        @Override
        public Table csv() {
            return new Table(List.of("name", "n"), List.of(List.of("Hamas, Gaza", "12"), Arrays.asList("say \"no\"",
                    null)));
        }

        @Override
        public void text(PrintWriter out) {
            out.println("2 rows");
            Output.table(out, csv());
        }
    }

    @Test
    void eachFormatWritesItsForm() {
        assertThat(write(Format.JSON, new Rows())).isEqualTo("{\n  \"n\" : 2\n}\n");
        assertThat(write(Format.CSV, new Rows())).isEqualTo("name,n\n\"Hamas, Gaza\",12\n\"say \"\"no\"\"\",\n");
        assertThat(write(Format.TABLE, new Rows())).isEqualTo("2 rows\nname         n\n-----------  --\n"
                + "Hamas, Gaza  12\nsay \"no\"\n");
    }

    @Test
    void anAnswerWithoutRowsHasNoCsvAndTextIsItsTable() {
        Answer kb = Answer.of(Map.of("who", "nobody"), out -> out.println("nobody"));
        assertThat(write(Format.TEXT, kb)).isEqualTo("nobody\n");
        assertThat(write(Format.JSON, kb)).isEqualTo("{\n  \"who\" : \"nobody\"\n}\n");
        assertThatThrownBy(() -> write(Format.CSV, kb)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("no csv form");
        assertThatThrownBy(() -> write(Format.GEXF, new Rows())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Rows has no gexf form");
    }

    private static String write(Format f, Answer a) {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        a.write(f, out);
        out.flush();
        return s.toString().replace(System.lineSeparator(), "\n");
    }
}
