package io.midstream.tools.analyze;

import io.midstream.tools.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline commands as design.md specifies their input and output. */
class AnalyzeCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private List<String> run(String... args) {
        assertThat(Main.run(args)).as("exit code; stderr: %s", err).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void dtwPrintsTheSumOfCostsOrInfinity() throws Exception {
        Path a = file("a", "0\n1\n2\n3\n");
        Path b = file("b", "0\n1\n1\n2\n3\n");
        Path c = file("c", "1\n2\n");
        assertThat(run("analyze", "dtw", "--a", a.toString(), "--b", b.toString())).containsExactly("{\"distance\":0.0}");
        out.reset();
        assertThat(run("analyze", "dtw", "--a", a.toString(), "--b", c.toString(), "--window", "1")).containsExactly("{\"distance\":\"Infinity\"}");
        out.reset();
        // pairs (0,1) (1,1) (2,2) (3,2): costs 1 + 0 + 0 + 1, squared the same
        assertThat(run("analyze", "dtw", "--a", a.toString(), "--b", c.toString(), "--cost", "squared")).containsExactly("{\"distance\":2.0}");
    }

    @Test
    void springPrintsEveryPositionThenTheMatches() throws Exception {
        Path q = file("q", "1\n2\n");
        Path s = file("s", "5\n1\n2\n5\n0.9\n2.1\n");
        List<String> lines = run("analyze", "spring", "--query", q.toString(), "--stream", s.toString(), "--epsilon", "0.5");
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0)).isEqualTo("{\"t\":0,\"distance\":7.0,\"start\":0}");
        assertThat(lines.get(2)).isEqualTo("{\"t\":2,\"distance\":0.0,\"start\":1}");
        assertThat(lines.get(3)).isEqualTo("{\"t\":3,\"distance\":3.0,\"start\":1}");
        assertThat(lines.get(6)).isEqualTo("{\"match\":{\"start\":1,\"end\":2,\"distance\":0.0}}");
        assertThat(lines.get(7)).startsWith("{\"match\":{\"start\":4,\"end\":5,\"distance\":0.2");
    }

    @Test
    void searchLcsAndEditDistance() throws Exception {
        Path q = file("q", "1\n2\n3\n");
        Path s = file("s", "0\n0\n1\n2\n3\n0\n");
        assertThat(run("analyze", "dtw-search", "--query", q.toString(), "--series", s.toString()).get(0))
                .startsWith("{\"position\":2,\"distance\":0.0,");
        out.reset();
        Path a = file("wa", "the cat sat\non the mat\n");
        Path b = file("wb", "the cat lay on a mat");
        assertThat(run("analyze", "lcs", "--a", a.toString(), "--b", b.toString())).containsExactly("{\"lcs\":4}");
        out.reset();
        assertThat(run("analyze", "edit", "--a", a.toString(), "--b", b.toString())).containsExactly("{\"distance\":2}");
    }

    @Test
    void attractorPrintsTheClassAndTheInvariants() throws Exception {
        StringBuilder henon = new StringBuilder();
        double x = 0.1;
        double y = 0.1;
        for (int i = 0; i < 3000; i++) {
            double next = 1 - 1.4 * x * x + y;
            y = 0.3 * x;
            x = next;
            if (i >= 1000) {
                henon.append(x).append('\n');
            }
        }
        Path series = file("henon", henon.toString());
        String line = run("analyze", "attractor", "--input", series.toString(), "--dt", "0.5").get(0);
        assertThat(line).startsWith("{\"class\":\"chaotic\",\"lyapunov\":0.8").contains("\"embedding_dimension\":2,\"delay\":1}");
        out.reset();
        Path flat = file("flat", "5\n".repeat(100));
        assertThat(run("analyze", "attractor", "--input", flat.toString())).containsExactly(
                "{\"class\":\"fixed_point\",\"lyapunov\":null,\"correlation_dimension\":null,\"embedding_dimension\":null,\"delay\":null}");
    }

    @Test
    void badInputIsAnErrorOnStandardErrorWithTheLine() throws Exception {
        Path bad = file("bad", "1\n2\nthree\n");
        assertThat(Main.run("analyze", "dtw", "--a", bad.toString(), "--b", bad.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad:3: not a number: 'three'");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Main.run("analyze", "dtw", "--a", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required option: '--b=FILE'").contains("Usage:");
        assertThat(Main.run("analyze", "spring", "--query", bad.toString(), "--stream", bad.toString(), "--cost", "cosine")).isEqualTo(2);
    }
}
