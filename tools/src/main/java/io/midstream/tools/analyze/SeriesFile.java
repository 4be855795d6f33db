package io.midstream.tools.analyze;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Input files of the offline commands: a series (one number per line) or words (separated by white space). */
final class SeriesFile {
    private SeriesFile() {}

    static double[] numbers(Path file) {
        List<String> lines = lines(file);
        double[] values = new double[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                values[n] = Double.parseDouble(line);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a number: '" + line + "'");
            }
            if (!Double.isFinite(values[n])) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a finite number: '" + line + "'");
            }
            n++;
        }
        return Arrays.copyOf(values, n);
    }

    static List<String> words(Path file) {
        List<String> words = new ArrayList<>();
        for (String line : lines(file)) {
            for (String w : line.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
