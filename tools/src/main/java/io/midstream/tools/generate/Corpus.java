package io.midstream.tools.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The text that generated sessions are made of, shipped in resources/corpus. */
public record Corpus(List<String> answers, List<String> refusals, List<String> loops,
                     List<String[]> tools, List<String> secrets) {

    public static Corpus load() {
        return new Corpus(lines("answers.txt"), lines("refusals.txt"), lines("loops.txt"),
                lines("tools.txt").stream().map(l -> l.split("\\|", 3)).toList(), lines("secrets.txt"));
    }

    private static List<String> lines(String name) {
        InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name);
        if (in == null) {
            throw new IllegalStateException("corpus file missing from the classpath: " + name);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
