package io.midstream.dtw;

import java.util.List;

/** Textbook O(n m) tables, written for clarity, the oracles of the property tests. */
final class Reference {
    private Reference() {}

    static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The full DTW matrix, cells outside |i - j| <= w infinite. */
    static double dtw(double[] a, double[] b, int w, LocalCost cost) {
        int n = a.length;
        int m = b.length;
        double[][] D = new double[n + 1][m + 1];
        for (double[] row : D) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        D[0][0] = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                if (Math.abs(i - j) <= w) {
                    D[i][j] = cost.of(a[i - 1], b[j - 1]) + Math.min(D[i - 1][j - 1], Math.min(D[i - 1][j], D[i][j - 1]));
                }
            }
        }
        return D[n][m];
    }

    static int lcs(int[] a, int[] b) {
        int[][] L = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                L[i][j] = a[i - 1] == b[j - 1] ? L[i - 1][j - 1] + 1 : Math.max(L[i - 1][j], L[i][j - 1]);
            }
        }
        return L[a.length][b.length];
    }

    static int edit(int[] a, int[] b) {
        int[][] E = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            E[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            E[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                E[i][j] = Math.min(E[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.min(E[i - 1][j], E[i][j - 1]) + 1);
            }
        }
        return E[a.length][b.length];
    }
}
