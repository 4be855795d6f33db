package io.midstream.signals;

import java.util.List;

/** Surprisal of a chunk: the mean negative log probability of its tokens, in nats. */
public final class Surprise {
    private Surprise() {}

    /** NaN where the provider sent no log probabilities. */
    public static double of(List<Float> logprobs) {
        if (logprobs == null || logprobs.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (Float lp : logprobs) {
            sum -= lp;
        }
        return sum / logprobs.size() + 0.0;
    }
}
