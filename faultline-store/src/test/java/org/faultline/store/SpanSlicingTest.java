package org.faultline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Python example for slicing spans (which count UTF-16 code units) gives the same words as Java's
 * {@code substring} on a text with emoji and a flag before the spans, where a plain Python slice goes wrong.
 * Runs the snippet exactly as the README shows it; skipped when there is no {@code python3}.
 */
class SpanSlicingTest {
    private static final String BEGIN = "<!-- python-span-example (run by SpanSlicingTest) -->";
    private static final String END = "<!-- end python-span-example -->";

    @TempDir
    Path dir;

    @Test
    void theReadmeSnippetSlicesSpansAsJavaDoes() throws Exception {
        String text = "🇺🇦 Update 😀: Russia 🚀 attacked Kharkiv, Ukraine said.";
        List<String> words = List.of("Russia", "attacked", "Kharkiv", "Ukraine");
        StringBuilder calls = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (String w : words) {
            int start = text.indexOf(w);
            int end = start + w.length();
            calls.append("print(span_text(doc, ").append(start).append(", ").append(end).append("))\n");
            calls.append("print(doc[code_points(doc, ").append(start).append("):code_points(doc, ").append(end)
                    .append(")])\n");
            calls.append("print(doc[").append(start).append(':').append(end).append("] == ").append('"').append(w)
                    .append('"').append(")\n");
            expected.append(w).append('\n').append(w).append('\n').append("False\n");
        }
        Files.writeString(dir.resolve("doc.txt"), text, StandardCharsets.UTF_8);
        String script = readmeSnippet() + "\ndoc = open(" + pyString(dir.resolve("doc.txt").toString())
                + ", encoding='utf-8').read()\n" + calls;
        Path py = dir.resolve("spans.py");
        Files.writeString(py, script, StandardCharsets.UTF_8);

        String out = python(py);
        assertThat(out).isEqualTo(expected.toString());
    }

    private static String readmeSnippet() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int b = readme.indexOf(BEGIN);
        int e = readme.indexOf(END);
        assertThat(b).as("README.md marks the Python example").isNotNegative();
        String block = readme.substring(b + BEGIN.length(), e);
        return block.substring(block.indexOf("```python") + "```python".length(), block.lastIndexOf("```"));
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String python(Path script) throws Exception {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true);
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not available: " + e.getMessage());
            throw e;
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("python3 said: %s", out).isZero();
        return out.replace("\r\n", "\n");
    }
}
