package io.midstream.tools.generate;

import io.midstream.avro.FinishReason;
import io.midstream.avro.LlmChunk;
import io.midstream.avro.ToolCall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes one session's chunks, with their event times, the way a streaming LLM API delivers them:
 * a few words per chunk, tens of milliseconds apart, token log probabilities where the provider
 * sends them, and the scenario's pathology where it has one.
 */
final class SessionScript {
    private static final String[] MODELS = {"gpt-sim-4", "llama-sim-70b", "mistral-sim-large"};

    private final Corpus corpus;
    private final Random random;
    private final List<LlmChunk> chunks = new ArrayList<>();
    private final String tenant;
    private final String session;
    private final String model;
    private final boolean logprobs;
    private final Instant requestTime;
    private long now;

    private SessionScript(Corpus corpus, Random random, String tenant, String session, long start) {
        this.corpus = corpus;
        this.random = random;
        this.tenant = tenant;
        this.session = session;
        this.model = MODELS[random.nextInt(MODELS.length)];
        this.logprobs = random.nextDouble() < 0.7;
        this.requestTime = Instant.ofEpochMilli(start);
        this.now = start + 150 + random.nextInt(450);
    }

    static List<LlmChunk> write(Corpus corpus, Random random, Scenario scenario, String tenant, String session, long start) {
        SessionScript s = new SessionScript(corpus, random, tenant, session, start);
        switch (scenario) {
            case CHAT -> {
                int first = random.nextInt(corpus.answers().size());
                s.say(corpus.answers().get(first), 0.9);
                if (random.nextBoolean()) {
                    // another paragraph: saying the same one twice would be the repetition a loop is
                    int second = (first + 1 + random.nextInt(corpus.answers().size() - 1)) % corpus.answers().size();
                    s.say(" " + corpus.answers().get(second), 0.9);
                }
                s.finish(FinishReason.stop);
            }
            case TOOL_ROUNDTRIP, TOOL_NO_RESULT -> {
                String[] tool = corpus.tools().get(random.nextInt(corpus.tools().size()));
                s.say("Let me look that up.", 0.7);
                s.callTool(tool);
                s.now += 300 + random.nextInt(1200);
                if (scenario == Scenario.TOOL_ROUNDTRIP) {
                    s.add("tool", tool[2], 0, null);
                }
                s.say(" Based on the result: " + s.answer(), 0.9);
                s.finish(FinishReason.stop);
            }
            case REPETITION_LOOP -> {
                s.say(s.firstWords(s.answer(), 30 + random.nextInt(30)), 0.9);
                String loop = corpus.loops().get(random.nextInt(corpus.loops().size()));
                int times = 12 + random.nextInt(18);
                s.loop(" " + loop, times);
                s.finish(FinishReason.length);
            }
            case STALL -> {
                s.say(s.firstWords(s.answer(), 20 + random.nextInt(30)), 0.9);
                int beats = 20 + random.nextInt(20);
                for (int i = 0; i < beats; i++) {
                    s.now += Math.round(1000 * (1 + 0.002 * random.nextGaussian()));
                    s.add("assistant", i % 2 == 0 ? " " : "", 1, null);
                }
                // no finish_reason: the session ends by the inactivity timeout
            }
            case LEAK_AFTER_REFUSAL -> {
                s.say(corpus.refusals().get(random.nextInt(corpus.refusals().size())), 0.6);
                s.say(" " + s.firstWords(s.answer(), 10 + random.nextInt(20)), 0.9);
                s.say(" " + corpus.secrets().get(random.nextInt(corpus.secrets().size())), 1.4);
                s.finish(FinishReason.stop);
            }
            case MIXED -> throw new IllegalArgumentException("MIXED is a choice of scenarios, not one");
        }
        return s.chunks;
    }

    private String answer() {
        return corpus.answers().get(random.nextInt(corpus.answers().size()));
    }

    private String firstWords(String text, int words) {
        String[] all = text.split(" ");
        return String.join(" ", Arrays.copyOf(all, Math.min(words, all.length)));
    }

    /** Streams a text a few words at a time; meanSurprise is the mean negative log probability of its tokens. */
    private void say(String text, double meanSurprise) {
        String[] words = text.split("(?= )");
        int i = 0;
        while (i < words.length) {
            int take = Math.min(words.length - i, 1 + random.nextInt(3));
            StringBuilder piece = new StringBuilder();
            for (int k = 0; k < take; k++) {
                piece.append(words[i + k]);
            }
            i += take;
            now += gap();
            int tokens = Math.max(1, (int) Math.ceil(take * 4 / 3.0));
            add("assistant", piece.toString(), tokens, logprobs ? surprises(tokens, meanSurprise) : null);
        }
    }

    /**
     * A stuck model: the same phrase again and again, cut into the same chunks each time, each
     * token as likely as the last time round (up to a little jitter), at the usual pace.
     */
    private void loop(String phrase, int times) {
        String[] words = phrase.split("(?= )");
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < words.length; ) {
            int take = Math.min(words.length - i, 1 + random.nextInt(3));
            cuts.add(take);
            i += take;
        }
        List<List<Float>> surprisal = new ArrayList<>();
        for (int take : cuts) {
            surprisal.add(surprises(Math.max(1, (int) Math.ceil(take * 4 / 3.0)), 0.3));
        }
        for (int t = 0; t < times; t++) {
            int w = 0;
            for (int c = 0; c < cuts.size(); c++) {
                StringBuilder piece = new StringBuilder();
                for (int k = 0; k < cuts.get(c); k++) {
                    piece.append(words[w++]);
                }
                List<Float> lps = new ArrayList<>();
                for (float lp : surprisal.get(c)) {
                    lps.add((float) (lp * (1 + 0.02 * random.nextGaussian())));
                }
                now += gap();
                add("assistant", piece.toString(), lps.size(), logprobs ? lps : null);
            }
        }
    }

    private void callTool(String[] tool) {
        now += gap();
        chunks.add(base("assistant", "", 12 + random.nextInt(20))
                .setToolCall(new ToolCall("call_" + Long.toHexString(random.nextLong() & 0xffffffffL), tool[0], tool[1]))
                .build());
    }

    private void finish(FinishReason reason) {
        now += gap();
        chunks.add(base("assistant", "", 0).setFinishReason(reason).build());
    }

    private void add(String role, String text, int tokens, List<Float> lps) {
        chunks.add(base(role, text, tokens).setLogprobs(lps).build());
    }

    private LlmChunk.Builder base(String role, String text, int tokens) {
        return LlmChunk.newBuilder()
                .setTenantId(tenant)
                .setSessionId(session)
                .setSeq(chunks.size())
                .setEventTime(Instant.ofEpochMilli(now))
                .setModel(model)
                .setRole(role)
                .setText(text)
                .setTokenCount(tokens)
                .setLogprobs(null)
                .setSignals(Map.of("gateway_queue_ms", (double) random.nextInt(5)))
                .setRequestTime(requestTime);
    }

    /** A streaming API's inter-chunk gap: log-normal around 35 ms. */
    private long gap() {
        return Math.max(1, Math.round(Math.exp(Math.log(35) + 0.35 * random.nextGaussian())));
    }

    private List<Float> surprises(int tokens, double mean) {
        List<Float> lps = new ArrayList<>(tokens);
        for (int i = 0; i < tokens; i++) {
            lps.add((float) (Math.log(1 - random.nextDouble()) * mean));
        }
        return lps;
    }
}
