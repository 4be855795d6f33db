package io.midstream.tools.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.midstream.ltl.LtlOracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The traces file of {@code analyze ltl}: one JSON object a line, {@code {"id": ID, "trace":
 * [["p","q"], [], ["r"]]}} with the propositions true at each position, and optionally
 * {@code "times": [0, 1200, 1900]} in milliseconds for formulas with time bounds.
 */
record LtlTraces(List<Trace> traces) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One trace; {@code id} is echoed as it was given. */
    record Trace(JsonNode id, List<LtlOracle.Step> steps, boolean timed) {
        String key() {
            return id.isTextual() ? id.asText() : id.toString();
        }
    }

    static LtlTraces read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Trace> traces = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ", line " + (n + 1) + ": ";
            Trace trace = parse(line, where);
            if (!ids.add(trace.key())) {
                throw new IllegalArgumentException(where + "the id " + trace.id() + " is used twice");
            }
            traces.add(trace);
        }
        return new LtlTraces(traces);
    }

    private static Trace parse(String line, String where) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !node.hasNonNull("id") || !node.path("trace").isArray()) {
            throw new IllegalArgumentException(where + "expected {\"id\": ID, \"trace\": [[...], ...]}");
        }
        JsonNode positions = node.get("trace");
        if (positions.isEmpty()) {
            throw new IllegalArgumentException(where + "a trace has at least one position");
        }
        JsonNode times = node.get("times");
        if (times != null && (!times.isArray() || times.size() != positions.size())) {
            throw new IllegalArgumentException(where + "\"times\" must be an array with one time per position");
        }
        List<LtlOracle.Step> steps = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < positions.size(); i++) {
            JsonNode at = positions.get(i);
            if (!at.isArray()) {
                throw new IllegalArgumentException(where + "position " + i + " must be an array of proposition names");
            }
            Set<String> holds = new LinkedHashSet<>();
            for (JsonNode name : at) {
                if (!name.isTextual()) {
                    throw new IllegalArgumentException(where + "position " + i + " holds " + name + ", not a proposition name");
                }
                holds.add(name.asText());
            }
            long time = 0;
            if (times != null) {
                JsonNode t = times.get(i);
                if (!t.canConvertToLong() || !t.isIntegralNumber()) {
                    throw new IllegalArgumentException(where + "time " + i + " is not a whole number of milliseconds");
                }
                time = t.asLong();
                if (time < previous) {
                    throw new IllegalArgumentException(where + "times go back at position " + i);
                }
                previous = time;
            }
            steps.add(new LtlOracle.Step(Set.copyOf(holds), time));
        }
        return new Trace(node.get("id"), steps, times != null);
    }
}
