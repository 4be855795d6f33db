package io.midstream.attractor;

import java.util.Random;

/** Series from systems with published invariants, and the regular and random signals the classifier must tell apart. */
public final class Systems {
    private Systems() {}

    /** Hénon map x, a = 1.4, b = 0.3: largest exponent 0.419 per iteration, correlation dimension 1.22. */
    public static double[] henon(int n, long seed) {
        Random r = new Random(seed);
        double x = 0.1 * r.nextDouble();
        double y = 0.1 * r.nextDouble();
        double[] out = new double[n];
        for (int i = -1000; i < n; i++) {
            double nx = 1 - 1.4 * x * x + y;
            y = 0.3 * x;
            x = nx;
            if (i >= 0) {
                out[i] = x;
            }
        }
        return out;
    }

    /** Logistic map r = 4: largest exponent ln 2 per iteration. */
    public static double[] logistic(int n, long seed) {
        double x = 0.1 + 0.8 * new Random(seed).nextDouble();
        double[] out = new double[n];
        for (int i = -1000; i < n; i++) {
            x = 4 * x * (1 - x);
            if (i >= 0) {
                out[i] = x;
            }
        }
        return out;
    }

    /** Lorenz x, sigma 10, rho 28, beta 8/3, sampled every dt: largest exponent 0.906 per time unit, dimension 2.07. */
    public static double[] lorenz(int n, double dt, long seed) {
        return flow(n, dt, seed, (s, d) -> {
            d[0] = 10 * (s[1] - s[0]);
            d[1] = s[0] * (28 - s[2]) - s[1];
            d[2] = s[0] * s[1] - 8.0 / 3.0 * s[2];
        }, new double[] {1, 1, 20});
    }

    /** Rössler x, a = b = 0.2, c = 5.7, sampled every dt: largest exponent 0.071 per time unit. */
    public static double[] rossler(int n, double dt, long seed) {
        return flow(n, dt, seed, (s, d) -> {
            d[0] = -s[1] - s[2];
            d[1] = s[0] + 0.2 * s[1];
            d[2] = 0.2 + s[2] * (s[0] - 5.7);
        }, new double[] {1, 1, 0});
    }

    interface Field {
        void derivative(double[] state, double[] out);
    }

    /** Fourth-order Runge-Kutta at a step of at most 0.01, sampled every dt, after a transient. */
    private static double[] flow(int n, double dt, long seed, Field f, double[] start) {
        Random r = new Random(seed);
        double[] s = start.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += r.nextDouble();
        }
        int sub = Math.max(1, (int) Math.ceil(dt / 0.01));
        double h = dt / sub;
        double[] k1 = new double[3], k2 = new double[3], k3 = new double[3], k4 = new double[3], t = new double[3];
        double[] out = new double[n];
        int settle = (int) Math.ceil(100 / dt);
        for (int i = -settle; i < n; i++) {
            for (int j = 0; j < sub; j++) {
                f.derivative(s, k1);
                for (int d = 0; d < 3; d++) t[d] = s[d] + h / 2 * k1[d];
                f.derivative(t, k2);
                for (int d = 0; d < 3; d++) t[d] = s[d] + h / 2 * k2[d];
                f.derivative(t, k3);
                for (int d = 0; d < 3; d++) t[d] = s[d] + h * k3[d];
                f.derivative(t, k4);
                for (int d = 0; d < 3; d++) s[d] += h / 6 * (k1[d] + 2 * k2[d] + 2 * k3[d] + k4[d]);
            }
            if (i >= 0) {
                out[i] = s[0];
            }
        }
        return out;
    }

    public static double[] sine(int n, double period, double amplitude, long seed) {
        double phase = new Random(seed).nextDouble() * 2 * Math.PI;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = amplitude * Math.sin(2 * Math.PI * i / period + phase);
        }
        return out;
    }

    public static double[] sawtooth(int n, double period, long seed) {
        return wave(n, period, seed, phase -> phase);
    }

    public static double[] square(int n, double period, long seed) {
        return wave(n, period, seed, phase -> phase < 0.5 ? 1 : -1);
    }

    public static double[] triangle(int n, double period, long seed) {
        return wave(n, period, seed, phase -> phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase);
    }

    /** A periodic wave of the given shape over its phase (0 to 1), from a random starting phase. */
    private static double[] wave(int n, double period, long seed, java.util.function.DoubleUnaryOperator shape) {
        double offset = new Random(seed).nextDouble() * period;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double p = (i + offset) / period;
            out[i] = shape.applyAsDouble(p - Math.floor(p));
        }
        return out;
    }

    /** Two incommensurate frequencies (ratio the golden mean): a torus. */
    public static double[] quasiPeriodic(int n, double period, long seed) {
        return torus(n, period, (1 + Math.sqrt(5)) / 2, seed);
    }

    /** A torus: two sines whose periods have the given irrational ratio. */
    public static double[] torus(int n, double period, double ratio, long seed) {
        Random r = new Random(seed);
        double a = r.nextDouble() * 2 * Math.PI;
        double b = r.nextDouble() * 2 * Math.PI;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.sin(2 * Math.PI * i / period + a) + 0.8 * Math.sin(2 * Math.PI * i / (period * ratio) + b);
        }
        return out;
    }

    /** A decay to a level, as a stalled generation's latency settles. */
    public static double[] decay(int n, double level, double amplitude, double rate, long seed) {
        Random r = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = level + amplitude * Math.exp(-rate * i) + level * 1e-4 * r.nextGaussian();
        }
        return out;
    }

    public static double[] whiteNoise(int n, long seed) {
        Random r = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextGaussian();
        }
        return out;
    }

    public static double[] ar1(int n, double phi, long seed) {
        Random r = new Random(seed);
        double[] out = new double[n];
        double x = 0;
        for (int i = -100; i < n; i++) {
            x = phi * x + r.nextGaussian();
            if (i >= 0) {
                out[i] = x;
            }
        }
        return out;
    }

    /** The series with Gaussian measurement noise of the given share of its standard deviation. */
    public static double[] withNoise(double[] x, double share, long seed) {
        Random r = new Random(seed);
        double mean = 0;
        for (double v : x) mean += v / x.length;
        double var = 0;
        for (double v : x) var += (v - mean) * (v - mean) / x.length;
        double sd = Math.sqrt(var);
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += share * sd * r.nextGaussian();
        }
        return out;
    }
}
