package io.midstream.dtw;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns word sequences into ids, one vocabulary for all of them, so that LCS and edit distance compare ints. */
public final class Tokens {
    private final Map<String, Integer> ids = new HashMap<>();

    public int[] ids(List<String> words) {
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(words.get(i), w -> ids.size());
        }
        return out;
    }
}
