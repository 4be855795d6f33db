package io.midstream.tools.generate;

import io.midstream.avro.LlmChunk;
import io.midstream.chunk.ChunkCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LoadGeneratorTest {
    private static final Corpus CORPUS = Corpus.load();

    private static List<LoadGenerator.Planned> all(LoadGenerator.Settings settings) {
        LoadGenerator g = new LoadGenerator(settings, CORPUS);
        List<LoadGenerator.Planned> out = new ArrayList<>();
        while (g.hasNext()) {
            out.add(g.next());
        }
        return out;
    }

    private static LoadGenerator.Settings settings(Scenario scenario, String prefix, double disorder) {
        return new LoadGenerator.Settings(7, 40, 5, scenario, 3, prefix, disorder, 1_000_000);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyChunkIsValidAndSendTimesNeverGoBack(Scenario scenario) {
        List<LoadGenerator.Planned> planned = all(settings(scenario, "", 0));
        assertThat(planned).isNotEmpty();
        assertThat(planned).extracting(LoadGenerator.Planned::sendAt).isSorted();
        for (LoadGenerator.Planned p : planned) {
            assertThat(ChunkCodec.validate(p.chunk())).as("chunk %s", p.chunk()).isNull();
        }
        Map<String, List<LlmChunk>> sessions = planned.stream().map(LoadGenerator.Planned::chunk)
                .collect(Collectors.groupingBy(LlmChunk::getSessionId));
        assertThat(sessions).hasSize(40);
        for (List<LlmChunk> s : sessions.values()) {
            assertThat(s).extracting(LlmChunk::getSeq).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(0, s.size()).boxed().toList());
            boolean stall = s.get(0).getSessionId().startsWith("stall");
            assertThat(s.get(s.size() - 1).getFinishReason() == null).isEqualTo(stall);
        }
    }

    @Test
    void theScenariosCarryTheirPathologies() {
        Map<String, List<LlmChunk>> sessions = all(settings(Scenario.MIXED, "", 0)).stream().map(LoadGenerator.Planned::chunk)
                .collect(Collectors.groupingBy(LlmChunk::getSessionId));
        Function<String, List<List<LlmChunk>>> of = kind -> sessions.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kind)).map(Map.Entry::getValue).toList();
        assertThat(of.apply("tool-roundtrip-")).isNotEmpty().allSatisfy(s -> {
            assertThat(s).anyMatch(c -> c.getToolCall() != null);
            assertThat(s).anyMatch(c -> c.getRole().equals("tool"));
        });
        assertThat(of.apply("tool-no-result-")).allSatisfy(s -> {
            assertThat(s).anyMatch(c -> c.getToolCall() != null);
            assertThat(s).noneMatch(c -> c.getRole().equals("tool"));
        });
        assertThat(of.apply("leak-after-refusal-")).allSatisfy(s -> {
            String text = s.stream().map(LlmChunk::getText).collect(Collectors.joining());
            assertThat(text).containsPattern("(?i)\\b(I can(no|')t|I'm not able)").containsPattern("sk-live|AKIA|password");
        });
        // a healthy answer never says a paragraph twice: that is the repetition the detectors look for
        assertThat(of.apply("chat-")).isNotEmpty().allSatisfy(s -> {
            String text = s.stream().map(LlmChunk::getText).collect(Collectors.joining());
            for (String paragraph : CORPUS.answers()) {
                assertThat(text.indexOf(paragraph)).isEqualTo(text.lastIndexOf(paragraph));
            }
        });
    }

    @Test
    void disorderSendsTheSameChunksSwappedAndRepeated() {
        List<LoadGenerator.Planned> clean = all(settings(Scenario.MIXED, "x-", 0));
        List<LoadGenerator.Planned> messy = all(settings(Scenario.MIXED, "x-", 0.2));
        assertThat(messy.size()).isGreaterThan(clean.size());
        assertThat(new HashSet<>(messy.stream().map(LoadGenerator.Planned::chunk).toList()))
                .isEqualTo(new HashSet<>(clean.stream().map(LoadGenerator.Planned::chunk).toList()));
        assertThat(messy.stream().map(LoadGenerator.Planned::chunk).toList())
                .isNotEqualTo(clean.stream().map(LoadGenerator.Planned::chunk).toList());
    }

    /** The benchmark's latency runs are at an offered rate: the plan must send it, not a third more. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {500, 4000, 10000})
    void concurrencyGivesTheAskedRate(double rate) {
        for (long millis : new long[] {20_000, 60_000}) {
            int concurrency = LoadGenerator.concurrencyFor(rate, CORPUS, Scenario.MIXED, 7, millis);
            assertThat(LoadGenerator.plannedRate(concurrency, CORPUS, Scenario.MIXED, 7, millis)).isCloseTo(rate, org.assertj.core.api.Assertions.withinPercentage(10));
        }
    }

    @Test
    void theSameSeedMakesTheSameSessions() {
        assertThat(all(settings(Scenario.MIXED, "", 0))).isEqualTo(all(settings(Scenario.MIXED, "", 0)));
    }
}
