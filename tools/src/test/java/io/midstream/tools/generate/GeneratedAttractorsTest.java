package io.midstream.tools.generate;

import io.midstream.attractor.AttractorAnalysis;
import io.midstream.attractor.AttractorClass;
import io.midstream.avro.LlmChunk;
import io.midstream.signals.SignalExtractor;
import io.midstream.signals.SignalMemory;
import io.midstream.signals.SignalNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attractor classes of the signals the load generator's sessions produce, through the job's
 * own signal extraction: a repetition loop's surprisal is periodic, a stall's latency settles at a
 * level, and a healthy answer's latency does neither.
 */
class GeneratedAttractorsTest {
    private static final SignalExtractor SIGNALS = new SignalExtractor(3, 512, 512);

    private static Map<String, List<Map<String, Double>>> sessions(Scenario scenario, long seed) {
        LoadGenerator g = new LoadGenerator(new LoadGenerator.Settings(seed, 20, 4, scenario, 1, "", 0, 1_000_000), Corpus.load());
        Map<String, List<LlmChunk>> chunks = new java.util.LinkedHashMap<>();
        while (g.hasNext()) {
            LlmChunk c = g.next().chunk();
            chunks.computeIfAbsent(c.getSessionId(), k -> new ArrayList<>()).add(c);
        }
        return chunks.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            SignalMemory memory = SIGNALS.newMemory();
            return e.getValue().stream().map(c -> SIGNALS.extract(c, memory)).toList();
        }));
    }

    /** The last n values of a signal, as the operator's window holds them. */
    private static double[] last(List<Map<String, Double>> signals, String name, int n) {
        double[] all = signals.stream().filter(s -> s.containsKey(name)).mapToDouble(s -> s.get(name)).toArray();
        return Arrays.copyOfRange(all, Math.max(0, all.length - n), all.length);
    }

    private static AttractorClass classOf(double[] x) {
        return AttractorAnalysis.analyze(x, AttractorAnalysis.Settings.DEFAULT).attractorClass();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aLoopsSurprisalIsPeriodic(long seed) {
        var sessions = sessions(Scenario.REPETITION_LOOP, seed);
        long periodic = sessions.values().stream()
                .map(s -> last(s, SignalNames.SURPRISE, 32))
                .filter(x -> x.length >= 32)
                .filter(x -> classOf(x) == AttractorClass.PERIODIC)
                .count();
        long withLogprobs = sessions.values().stream().filter(s -> last(s, SignalNames.SURPRISE, 32).length >= 32).count();
        assertThat(withLogprobs).isPositive();
        assertThat(periodic).as("loops whose surprisal is periodic, of %d", withLogprobs).isGreaterThanOrEqualTo((long) Math.ceil(0.9 * withLogprobs));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aStallsLatencySettlesAndAHealthyAnswersDoesNot(long seed) {
        for (List<Map<String, Double>> s : sessions(Scenario.STALL, seed).values()) {
            assertThat(classOf(last(s, SignalNames.LATENCY_MS, 16))).isEqualTo(AttractorClass.FIXED_POINT);
        }
        for (List<Map<String, Double>> s : sessions(Scenario.CHAT, seed).values()) {
            double[] latency = last(s, SignalNames.LATENCY_MS, 64);
            if (latency.length >= 16) {
                assertThat(classOf(latency)).isNotEqualTo(AttractorClass.FIXED_POINT);
            }
            // a short window once let the 0-1 test, with too few lags to mean anything, call noise regular
            double[] surprise = last(s, SignalNames.SURPRISE, 32);
            if (surprise.length == 32) {
                assertThat(classOf(surprise)).isNotIn(AttractorClass.PERIODIC, AttractorClass.QUASI_PERIODIC);
            }
        }
    }
}
