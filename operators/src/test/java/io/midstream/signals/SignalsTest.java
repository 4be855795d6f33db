package io.midstream.signals;

import io.midstream.avro.LlmChunk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.midstream.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SignalsTest {
    @Test
    void charEntropyIsShannonsInBits() {
        assertThat(CharEntropy.of("")).isZero();
        assertThat(CharEntropy.of("aaaa")).isZero();
        assertThat(CharEntropy.of("abab")).isCloseTo(1.0, within(1e-12));
        assertThat(CharEntropy.of("abcd")).isCloseTo(2.0, within(1e-12));
        // a character outside the BMP is one character, not two halves
        assertThat(CharEntropy.of("\uD83D\uDE00\uD83D\uDE00ab")).isCloseTo(1.5, within(1e-12));
        // p = 3/4, 1/4
        assertThat(CharEntropy.of("aaab")).isCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2), within(1e-12));
        // a character outside the BMP counts once, not as two halves
        assertThat(CharEntropy.of("\uD83D\uDE00\uD83D\uDE00")).isZero();
    }

    @Test
    void surpriseIsTheMeanNegativeLogProbability() {
        assertThat(Surprise.of(null)).isNaN();
        assertThat(Surprise.of(List.of())).isNaN();
        assertThat(Surprise.of(List.of(-1.0f, -3.0f))).isCloseTo(2.0, within(1e-6));
        assertThat(Surprise.of(List.of(0.0f))).isZero();
    }

    @Test
    void repetitionIsTheShareOfNgramsSeenBefore() {
        NgramWindow w = new NgramWindow(2, 64);
        assertThat(w.add("the cat sat on the mat ")).isZero();      // 5 new bigrams
        assertThat(w.add("the cat sat ")).isEqualTo(2.0 / 3.0);      // "mat the" is new, "the cat", "cat sat" seen
        assertThat(w.add("x")).isZero();                             // completes nothing yet
        assertThat(w.add(" ")).isZero();                             // "sat x" is new
    }

    @Test
    void wordsAndNgramsJoinAcrossChunkBoundaries() {
        NgramWindow whole = new NgramWindow(3, 64);
        double inOne = whole.add("I will check it. I will check it. ");
        NgramWindow split = new NgramWindow(3, 64);
        double last = 0;
        for (String piece : new String[] {"I wi", "ll che", "ck it", ". I will", " check", " it. "}) {
            last = split.add(piece);
        }
        // the same words, cut anywhere, give the same ring
        assertThat(split.getRing()).isEqualTo(whole.getRing());
        assertThat(inOne).isEqualTo(2.0 / 6.0); // of six trigrams, the second "i will check" and "will check it" repeat
        assertThat(last).isEqualTo(1.0);        // the last piece completes those two
    }

    @Test
    void repeatsOlderThanTheWindowAreForgotten() {
        NgramWindow w = new NgramWindow(1, 3);
        w.add("a b c ");
        assertThat(w.add("a ")).isEqualTo(1.0);
        w.add("d e f ");
        assertThat(w.add("b ")).isZero();
    }

    @Test
    void caseAndPunctuationDoNotMakeANewWord() {
        NgramWindow w = new NgramWindow(2, 16);
        w.add("Hello, World! ");
        assertThat(w.add("hello world ")).isEqualTo(1.0 / 2.0); // "world hello" is new, "hello world" seen
    }

    @Test
    void extractorGivesEverySignal() {
        SignalExtractor extractor = new SignalExtractor(2, 64, 8);
        SignalMemory memory = extractor.newMemory();
        LlmChunk first = chunk("s", 0, 1000, "ab ab ").setLogprobs(List.of(-0.5f, -1.5f)).setTokenCount(2)
                .setSignals(Map.of("queue_ms", 3.0, "repetition", 99.0)).build();
        Map<String, Double> s0 = extractor.extract(first, memory);
        assertThat(s0).containsEntry("surprise", 1.0).containsEntry("tokens", 2.0).containsEntry("queue_ms", 3.0)
                .containsEntry("repetition", 0.0).doesNotContainKey("latency_ms");
        assertThat(s0.get("char_entropy")).isCloseTo(CharEntropy.of("ab ab "), within(1e-12));

        Map<String, Double> s1 = extractor.extract(chunk("s", 1, 1250, "ab ab ").build(), memory);
        assertThat(s1).containsEntry("latency_ms", 250.0).containsEntry("repetition", 1.0).doesNotContainKey("surprise");
        assertThat(memory.getRecentText()).isEqualTo("ab ab ab ab ".substring(4));

        // a producer clock that steps back gives a zero gap, never a negative one
        assertThat(extractor.extract(chunk("s", 2, 1100, "").build(), memory)).containsEntry("latency_ms", 0.0);
    }
}
