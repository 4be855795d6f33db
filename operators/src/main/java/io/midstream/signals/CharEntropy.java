package io.midstream.signals;

import java.util.Arrays;

/** Shannon entropy of a text's characters, in bits per character (Shannon, 1948). */
public final class CharEntropy {
    private CharEntropy() {}

    /** 0 for an empty text or a text of one repeated character; log2(k) for k distinct, equally frequent ones. */
    public static double of(CharSequence text) {
        // a loop rather than codePoints().toArray(), whose stream cost more than the rest (profile of bench e2e)
        int[] cps = new int[text.length()];
        int count = 0;
        for (int i = 0; i < text.length(); count++) {
            int cp = Character.codePointAt(text, i);
            cps[count] = cp;
            i += Character.charCount(cp);
        }
        if (count == 0) {
            return 0.0;
        }
        // sorting groups equal characters: no map, and chunks are short
        Arrays.sort(cps, 0, count);
        double n = count;
        double entropy = 0.0;
        int run = 1;
        for (int i = 1; i <= count; i++) {
            if (i < count && cps[i] == cps[i - 1]) {
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
