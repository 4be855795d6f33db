package io.midstream.attractor;

import java.util.Arrays;
import java.util.Random;

/**
 * The 0-1 test for chaos (Gottwald and Melbourne, "On the implementation of the 0-1 test for
 * chaos", SIAM J. Appl. Dyn. Syst. 8, 2009), correlation method: translation variables p, q driven
 * by the series at frequency c, the mean square displacement with its oscillating term removed,
 * and K, its correlation with time, the median over random c in (pi/5, 4pi/5). K is near 1 for
 * chaotic dynamics and near 0 for regular ones. Oversampled flows must be subsampled first.
 * Under 100 values the displacement has too few lags to correlate, and K is NaN.
 */
public final class ZeroOneTest {
    private ZeroOneTest() {}

    public static double k(double[] phi, int frequencies, long seed) {
        int n = phi.length;
        int ncut = n / 10;
        if (ncut < 10) {
            return Double.NaN;
        }
        double mean = Stats.mean(phi);
        Random random = new Random(seed);
        double[] ks = new double[frequencies];
        double[] p = new double[n + 1];
        double[] q = new double[n + 1];
        double[] xi = new double[ncut];
        double[] d = new double[ncut];
        for (int f = 0; f < frequencies; f++) {
            double c = Math.PI / 5 + random.nextDouble() * 3 * Math.PI / 5;
            translate(phi, c, p, q);
            for (int s = 1; s <= ncut; s++) {
                xi[s - 1] = s;
                d[s - 1] = meanSquareDisplacement(p, q, s, n - ncut) - mean * mean * (1 - Math.cos(s * c)) / (1 - Math.cos(c));
            }
            ks[f] = correlation(xi, d);
        }
        Arrays.sort(ks);
        return ks[frequencies / 2];
    }

    /**
     * p[j] = sum of phi[i-1] cos(i c) for i up to j, q likewise with sin. cos(jc) and sin(jc) come
     * from a rotation by c per step, recomputed exactly every 64 steps so that rounding cannot build up.
     */
    private static void translate(double[] phi, double c, double[] p, double[] q) {
        double cosC = Math.cos(c);
        double sinC = Math.sin(c);
        double cos = 1;
        double sin = 0;
        for (int j = 1; j <= phi.length; j++) {
            if ((j & 63) == 0) {
                cos = Math.cos(j * c);
                sin = Math.sin(j * c);
            } else {
                double next = cos * cosC - sin * sinC;
                sin = sin * cosC + cos * sinC;
                cos = next;
            }
            p[j] = p[j - 1] + phi[j - 1] * cos;
            q[j] = q[j - 1] + phi[j - 1] * sin;
        }
    }

    /** Mean over j = 1..count of |(p, q)[j + s] - (p, q)[j]|^2; two sums, for two additions in flight. */
    private static double meanSquareDisplacement(double[] p, double[] q, int s, int count) {
        double first = 0;
        double second = 0;
        int j = 1;
        for (; j < count; j += 2) {
            double dp = p[j + s] - p[j];
            double dq = q[j + s] - q[j];
            double ep = p[j + 1 + s] - p[j + 1];
            double eq = q[j + 1 + s] - q[j + 1];
            first += dp * dp + dq * dq;
            second += ep * ep + eq * eq;
        }
        if (j == count) {
            double dp = p[j + s] - p[j];
            double dq = q[j + s] - q[j];
            first += dp * dp + dq * dq;
        }
        return (first + second) / count;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Stats.mean(a);
        double mb = Stats.mean(b);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }
}
