package io.midstream.attractor;

import org.apache.commons.math3.transform.TransformType;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/** What the estimators need of a series' Fourier transform. */
final class Spectrum {
    private Spectrum() {}

    /**
     * The transform of real values, in place on arrays ({real, imaginary}): the estimators run it
     * on windows of 64 values per evaluation, where commons-math's Complex objects cost more than the
     * arithmetic.
     */
    private static double[][] transform(double[] values) {
        double[][] f = {values, new double[values.length]};
        BluesteinTransform.transformInPlace(f, TransformType.FORWARD);
        return f;
    }

    private static double power(double[][] f, int k) {
        return f[0][k] * f[0][k] + f[1][k] * f[1][k];
    }

    private static double[] lastPowerOfTwo(double[] x) {
        int n = Integer.highestOneBit(Math.max(1, x.length));
        return Arrays.copyOfRange(x, x.length - n, x.length);
    }

    /** The mean period in samples, 1 / (power-weighted mean frequency), as Rosenstein et al. set their Theiler window. */
    static double meanPeriod(double[] x) {
        double[] y = lastPowerOfTwo(x);
        double mean = Stats.mean(y);
        for (int i = 0; i < y.length; i++) {
            y[i] -= mean;
        }
        int n = y.length;
        double[][] f = transform(y);
        double weighted = 0;
        double total = 0;
        for (int k = 1; k <= n / 2; k++) {
            double power = power(f, k);
            weighted += power * k / n;
            total += power;
        }
        return total == 0 ? 1 : total / weighted;
    }

    /**
     * The power spectrum (Hann window) of all the samples, zero-padded to a power of two: bins
     * 0..n/2 of the padded length. All of them, not the last 2^k: two frequencies are told apart
     * only as finely as the window is long.
     */
    static double[] power(double[] x) {
        int n = Integer.highestOneBit(Math.max(1, x.length - 1)) << 1;
        double[] window = new double[x.length];
        double weighted = 0;
        double weights = 0;
        for (int i = 0; i < x.length; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / Math.max(1, x.length - 1));
            weighted += window[i] * x[i];
            weights += window[i];
        }
        // the mean under the window, so that the windowed series has no power at frequency 0 to leak
        // into the lowest bins, where it would pass for a continuum
        double mean = weights == 0 ? 0 : weighted / weights;
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) * window[i];
        }
        double[][] f = transform(y);
        double[] power = new double[n / 2 + 1];
        for (int k = 1; k <= n / 2; k++) {
            power[k] = power(f, k);
        }
        return power;
    }

    /** Peaks of the spectrum, strongest first: local maxima at or above {@code share} of the highest, as sub-bin positions. */
    static double[] peaks(double[] power, double share) {
        double highest = 0;
        for (double p : power) {
            highest = Math.max(highest, p);
        }
        java.util.List<double[]> found = new java.util.ArrayList<>();
        for (int k = 2; k < power.length - 1; k++) {
            if (power[k] > 0 && power[k] >= share * highest && power[k] >= power[k - 1] && power[k] >= power[k + 1]) {
                found.add(new double[] {position(power, k), power[k]});
            }
        }
        found.sort((p, q) -> Double.compare(q[1], p[1]));
        return found.stream().mapToDouble(p -> p[0]).toArray();
    }

    /** Where between bins the peak at bin k lies: the vertex of the parabola through the log powers of it and its neighbours. */
    static double position(double[] power, int k) {
        if (k < 1 || k + 1 >= power.length || !(power[k] > 0)) {
            return k;
        }
        double a = Math.log(Math.max(power[k - 1], 1e-300));
        double b = Math.log(power[k]);
        double c = Math.log(Math.max(power[k + 1], 1e-300));
        double denominator = a - 2 * b + c;
        double offset = denominator == 0 ? 0 : 0.5 * (a - c) / denominator;
        return k + Math.max(-0.5, Math.min(0.5, offset));
    }

    /**
     * Whether every peak above 2% of the highest is a harmonic of one frequency, within 1.5 bins: one
     * period and its harmonics, as opposed to incommensurate frequencies. The fundamental is the
     * lowest peak; or, for a series whose harmonics above the Nyquist frequency are seen at their
     * aliases (a sawtooth or a square wave whose period is not a whole number of samples), the
     * lowest or the strongest peak with its harmonics up to 2 per peak and one more: any frequency
     * comes near the alias of some high multiple of another, but a square wave has odd harmonics
     * only, and where its period is close to a whole number of samples, aliases of high harmonics
     * fall within a lobe of low ones and merge with them (p peaks can be harmonics 1 to 2p + 1).
     */
    static boolean harmonic(double[] power) {
        double[] peaks = peaks(power, 0.02);
        if (peaks.length == 0) {
            return true;
        }
        double lowest = Arrays.stream(peaks).min().getAsDouble();
        int nyquist = power.length - 1;
        return Arrays.stream(peaks).allMatch(p -> multiple(p, lowest, 1.5))
                || aliasedHarmonics(lowest, peaks, nyquist) || aliasedHarmonics(peaks[0], peaks, nyquist);
    }

    private static boolean aliasedHarmonics(double fundamental, double[] peaks, int nyquist) {
        return Arrays.stream(peaks).allMatch(p -> IntStream.rangeClosed(1, 2 * peaks.length + 1)
                .anyMatch(k -> Math.abs(alias(k * fundamental, nyquist) - p) <= 1.5));
    }

    /** Where a frequency (in bins) above the Nyquist bin shows in the spectrum: folded back at every multiple of it. */
    private static double alias(double frequency, int nyquist) {
        double f = frequency % (2.0 * nyquist);
        return f > nyquist ? 2.0 * nyquist - f : f;
    }

    /** Whether bin {@code position} is within {@code tolerance} bins of a multiple of bin {@code fundamental}. */
    static boolean multiple(double position, double fundamental, double tolerance) {
        double ratio = position / fundamental;
        return Math.abs(ratio - Math.rint(ratio)) * fundamental <= tolerance;
    }

    /**
     * Surrogates with the same power spectrum and random phases (Theiler et al., 1992): linear
     * Gaussian processes like the series. Of any length (the frequency n / 2 of an even length keeps
     * its phase); all from one transform of the series.
     */
    static double[][] phaseRandomised(double[] y, int count, Random random) {
        int n = y.length;
        BluesteinTransform transform = BluesteinTransform.of(n);
        double[][] f = {y.clone(), new double[n]};
        transform.transform(f, TransformType.FORWARD);
        double[][] surrogates = new double[count][];
        for (int s = 0; s < count; s++) {
            double[][] g = {f[0].clone(), f[1].clone()};
            for (int k = 1; 2 * k < n; k++) {
                double phase = random.nextDouble() * 2 * Math.PI;
                double magnitude = Math.sqrt(power(f, k));
                g[0][k] = magnitude * Math.cos(phase);
                g[1][k] = magnitude * Math.sin(phase);
                g[0][n - k] = g[0][k];
                g[1][n - k] = -g[1][k];
            }
            transform.transform(g, TransformType.INVERSE);
            surrogates[s] = g[0];
        }
        return surrogates;
    }
}
