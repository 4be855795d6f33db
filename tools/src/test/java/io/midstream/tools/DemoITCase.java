package io.midstream.tools;

import io.midstream.tools.kafka.Ports;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./midstream demo}: chunks and metrics flow, the web UI answers during the run, and it stops by itself. */
class DemoITCase {
    @Test
    void theDemoRunsWithTheWebUiAnswering() throws Exception {
        int port = Ports.free();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> demo;
        String overview = null;
        try {
            demo = CompletableFuture.supplyAsync(() -> Main.run("demo", "--seconds", "25", "--web-port", Integer.toString(port)));
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            while (overview == null && System.nanoTime() < deadline) {
                Thread.sleep(500);
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/overview"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"jobs-running\":1")) {
                        overview = r.body();
                    }
                } catch (java.io.IOException notYet) {
                    // the web UI is still starting
                }
            }
            assertThat(demo.get(90, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        } finally {
            System.setOut(stdout);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(overview).as("the web UI answered with the running job; demo said: %s", out).isNotNull();
        Matcher summary = Pattern.compile("midstream demo: (\\d+) chunks in .*, (\\d+) metrics records .*, (\\d+) alerts").matcher(out);
        assertThat(summary.find()).as("the summary line in: %s", out).isTrue();
        assertThat(Long.parseLong(summary.group(1))).isGreaterThan(1000);
        assertThat(Long.parseLong(summary.group(2))).isPositive();
        assertThat(out).contains("web UI http://127.0.0.1:" + port);
    }
}
