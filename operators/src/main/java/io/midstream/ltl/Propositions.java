package io.midstream.ltl;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The propositions that the rules use, each with a bit: evaluated once per chunk for all rules,
 * into one long that the patterns test.
 */
public final class Propositions implements Serializable {
    public static final int MAX = Long.SIZE;

    private final String[] names;
    private final Proposition[] propositions;

    public Propositions(Map<String, Proposition> byName) {
        if (byName.size() > MAX) {
            throw new IllegalArgumentException("the rules use " + byName.size() + " propositions; at most " + MAX + " are supported");
        }
        this.names = byName.keySet().toArray(String[]::new);
        this.propositions = byName.values().toArray(Proposition[]::new);
    }

    public long evaluate(ChunkView view) {
        long holds = 0;
        for (int i = 0; i < propositions.length; i++) {
            if (propositions[i].test(view)) {
                holds |= 1L << i;
            }
        }
        return holds;
    }

    /** Each proposition's bit. */
    public Map<String, Integer> bits() {
        Map<String, Integer> bits = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            bits.put(names[i], i);
        }
        return bits;
    }

    /** The bits of the named propositions: for traces given as the names that hold at each position. */
    public static long bitsOf(List<String> holding, Map<String, Integer> bits) {
        long holds = 0;
        for (String name : holding) {
            Integer bit = bits.get(name);
            if (bit != null) {
                holds |= 1L << bit;
            }
        }
        return holds;
    }
}
