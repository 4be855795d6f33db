package io.midstream.signals;

import java.util.Arrays;

/** Shannon entropy of a text's characters, in bits per character (Shannon, 1948). */
public final class CharEntropy {
    private CharEntropy() {}

    /** 0 for an empty text or a text of one repeated character; log2(k) for k distinct, equally frequent ones. */
    public static double of(CharSequence text) {
        int[] cps = text.codePoints().toArray();
        if (cps.length == 0) {
            return 0.0;
        }
        // sorting groups equal characters: no map, and chunks are short
        Arrays.sort(cps);
        double n = cps.length;
        double entropy = 0.0;
        int run = 1;
        for (int i = 1; i <= cps.length; i++) {
            if (i < cps.length && cps[i] == cps[i - 1]) {
                run++;
                continue;
            }
            double p = run / n;
            entropy -= p * Math.log(p);
            run = 1;
        }
        return entropy / Math.log(2) + 0.0; // + 0.0 turns -0.0 into 0.0
    }
}
