package io.midstream.tools.generate;

import io.midstream.avro.LlmChunk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Interleaves many sessions' chunks in the order a gateway would send them. At most
 * {@code concurrency} sessions are open at once; when one ends, the next starts, until
 * {@code sessions} have been made (0: without end). Send times are on a virtual clock that starts
 * at {@code startMillis}: a caller paces them in real time or sends as fast as it can.
 *
 * <p>With {@code disorder} above 0 a session's chunks are sent as a flaky producer would: pairs
 * swapped and some chunks sent twice, each with that probability. The content depends only on the
 * seed, so a clean and a disordered generator with the same seed make the same sessions.
 */
public final class LoadGenerator {
    /**
     * @param idPrefix prefix of every session id, to keep runs apart
     */
    public record Settings(long seed, long sessions, int concurrency, Scenario scenario, int tenants,
                           String idPrefix, double disorder, long startMillis) {
        public Settings {
            if (concurrency < 1 || tenants < 1 || sessions < 0 || disorder < 0 || disorder > 1) {
                throw new IllegalArgumentException("concurrency and tenants must be at least 1, sessions at least 0, disorder within [0, 1]");
            }
        }
    }

    /** A chunk and when to send it. */
    public record Planned(long sendAt, LlmChunk chunk, boolean lastOfSession) {}

    private static final class Open {
        final List<LlmChunk> chunks;
        final long[] sendAt;
        int next;

        Open(List<LlmChunk> chunks, long[] sendAt) {
            this.chunks = chunks;
            this.sendAt = sendAt;
        }
    }

    private final Settings settings;
    private final Corpus corpus;
    private final Random content;
    private final Random mess;
    private final PriorityQueue<Open> open = new PriorityQueue<>((a, b) -> Long.compare(a.sendAt[a.next], b.sendAt[b.next]));
    private long started;

    public LoadGenerator(Settings settings, Corpus corpus) {
        this.settings = settings;
        this.corpus = corpus;
        this.content = new Random(settings.seed());
        this.mess = new Random(~settings.seed());
        for (int i = 0; i < settings.concurrency() && more(); i++) {
            startSession(settings.startMillis() + content.nextInt(2000));
        }
    }

    public boolean hasNext() {
        return !open.isEmpty();
    }

    public Planned next() {
        Open s = open.poll();
        int i = s.next++;
        boolean last = s.next == s.chunks.size();
        if (!last) {
            open.add(s);
        } else if (more()) {
            startSession(s.sendAt[i] + content.nextInt(500));
        }
        return new Planned(s.sendAt[i], s.chunks.get(i), last);
    }

    /**
     * Concurrent sessions that give about {@code rate} chunks per second over the first
     * {@code millis}; many at once when sending as fast as possible. A first guess from a sample of
     * sessions run one after another is corrected by the rate that the guess plans over that time:
     * sessions that all start together send more at first (a quarter more over 20 s).
     */
    public static int concurrencyFor(double rate, Corpus corpus, Scenario scenario, long seed, long millis) {
        if (rate <= 0) {
            return 1000;
        }
        int guess = (int) Math.max(1, Math.ceil(rate / chunksPerSecondPerSession(corpus, scenario, seed)));
        return (int) Math.max(1, Math.round(guess * rate / plannedRate(guess, corpus, scenario, seed, millis)));
    }

    /** Chunks per second that this many concurrent sessions are planned to send over the first {@code millis}. */
    public static double plannedRate(int concurrency, Corpus corpus, Scenario scenario, long seed, long millis) {
        LoadGenerator generator = new LoadGenerator(new Settings(seed, 0, concurrency, scenario, 1, "", 0, 0), corpus);
        long chunks = 0;
        while (generator.hasNext() && generator.next().sendAt() < millis) {
            chunks++;
        }
        return chunks * 1000.0 / millis;
    }

    /** Chunks per second of one session at a time, from a sample of sessions. */
    public static double chunksPerSecondPerSession(Corpus corpus, Scenario scenario, long seed) {
        LoadGenerator sample = new LoadGenerator(new Settings(seed, 200, 1, scenario, 1, "", 0, 0), corpus);
        long chunks = 0;
        long end = 0;
        while (sample.hasNext()) {
            end = sample.next().sendAt();
            chunks++;
        }
        return chunks * 1000.0 / Math.max(1, end);
    }

    private boolean more() {
        return settings.sessions() == 0 || started < settings.sessions();
    }

    private void startSession(long at) {
        Scenario scenario = settings.scenario() == Scenario.MIXED ? pick() : settings.scenario();
        String tenant = "tenant-" + (1 + content.nextInt(settings.tenants()));
        String id = String.format("%s%s-%06d", settings.idPrefix(), scenario.name().toLowerCase().replace('_', '-'), started++);
        List<LlmChunk> clean = SessionScript.write(corpus, content, scenario, tenant, id, at);
        List<LlmChunk> sent = settings.disorder() > 0 ? disorder(clean) : clean;
        long[] sendAt = new long[sent.size()];
        long t = Long.MIN_VALUE;
        for (int i = 0; i < sent.size(); i++) {
            t = Math.max(t, sent.get(i).getEventTime().toEpochMilli());
            sendAt[i] = t;
        }
        open.add(new Open(sent, sendAt));
    }

    private Scenario pick() {
        int total = 0;
        for (Scenario s : Scenario.values()) {
            total += s.weight;
        }
        int r = content.nextInt(total);
        for (Scenario s : Scenario.values()) {
            r -= s.weight;
            if (r < 0) {
                return s;
            }
        }
        throw new AssertionError("weights add up to " + total);
    }

    private List<LlmChunk> disorder(List<LlmChunk> clean) {
        List<LlmChunk> sent = new ArrayList<>(clean);
        for (int i = 0; i + 1 < sent.size(); i++) {
            if (mess.nextDouble() < settings.disorder()) {
                Collections.swap(sent, i, i + 1);
                i++;
            }
        }
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (mess.nextDouble() < settings.disorder()) {
                sent.add(Math.min(sent.size(), i + 1 + mess.nextInt(3)), LlmChunk.newBuilder(sent.get(i)).build());
            }
        }
        return sent;
    }
}
