package io.midstream.attractor;

/**
 * Permutation entropy (Bandt and Pompe, "Permutation entropy: a natural complexity measure for
 * time series", PRL 88, 2002): the Shannon entropy of the order patterns of {@code order}
 * consecutive values, divided by log(order!) so that white noise gives 1 and a monotone series 0.
 */
public final class PermutationEntropy {
    private PermutationEntropy() {}

    public static double normalised(double[] x, int order, int delay) {
        int patterns = 1;
        for (int i = 2; i <= order; i++) {
            patterns *= i;
        }
        int[] counts = new int[patterns];
        int total = 0;
        for (int i = 0; i + (order - 1) * delay < x.length; i++) {
            // the Lehmer code of the pattern: how many later values are smaller, per position
            int code = 0;
            for (int a = 0; a < order; a++) {
                int smaller = 0;
                for (int b = a + 1; b < order; b++) {
                    if (x[i + b * delay] < x[i + a * delay]) {
                        smaller++;
                    }
                }
                code = code * (order - a) + smaller;
            }
            counts[code]++;
            total++;
        }
        if (total == 0) {
            return 0;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(patterns);
    }
}
