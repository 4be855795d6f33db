package io.midstream.attractor;

import java.util.Arrays;

/**
 * A series' attractor: delay and dimension of its embedding, largest Lyapunov exponent, correlation
 * dimension, and a class decided from several tests so that noise is not called chaos:
 * <ol>
 * <li>fixed point: over the last quarter of the series, the values' standard deviation about their mean
 * is at most {@code fixedShare} of the larger of that level and the range of the series' transient,
 * its range without single spikes (a decay to 0 settles too, measurement noise of that size does not
 * unsettle a level, and a tool's long gap in a latency is no transient);
 * or the series is still settling, exponentially: the range of each quarter at most a third of the
 * one before (a decay or a damped oscillation, whose attractor is the point it tends to); the tests
 * below then leave out a first quarter that holds a transient;</li>
 * <li>periodic, where the spectrum's peaks are harmonics of one frequency (or their aliases, as for a
 * sawtooth whose period is not a whole number of samples) and the series returns to itself at some
 * lag up to a quarter of its length: to a normalised squared difference under 3% (noise at most
 * about a sixth of the swing) or, where lines hold half of the power, within what the spectrum's
 * white floor explains, as a periodic series under stronger measurement noise does. The 0-1 test is
 * thrown by a little noise on a short period; a torus comes as close, after many turns or where its
 * frequencies are nearly commensurate, but its peaks are two frequencies, not one;</li>
 * <li>regular, where the spectrum has no continuous part above its white floor ({@link LineSpectrum}:
 * a phase-coherent chaotic flow such as Rössler's has one, around its sharp peaks) and either its
 * lines hold half of the power over a floor of measurement noise (which drives the 0-1 test towards
 * 1; without noise, K decides) and are not one frequency's harmonics (such a series is periodic
 * only where it returns, above: in a short window red noise's lowest bins stand over the white
 * floor like a line) or the 0-1 test's K is at most 0.4 (chaos and noise both drive it towards 1;
 * under 100 values the test abstains, and such lines decide without noise too):
 * periodic where the spectrum's peaks are one frequency and its harmonics, quasi-periodic where
 * they are not. This comes before the surrogates, which are themselves sums of sinusoids for such
 * motion and cannot tell it from noise;</li>
 * <li>stochastic: nearest-neighbour prediction is no better than on phase-randomised surrogates
 * (ratio above 0.7), which is what linear noise, white or coloured, gives;</li>
 * <li>chaotic: deterministic, and a positive largest exponent; regular otherwise.</li>
 * </ol>
 */
public final class AttractorAnalysis {
    static final double STOCHASTIC_RATIO = 0.7;
    static final double CHAOTIC_K = 0.4;
    /** Lines over a white floor holding this share of the power are a regular series under measurement noise. */
    static final double LINE_SHARE = 0.5;
    static final double PERIODIC_RETURN = 0.03;
    /**
     * A periodic series under white noise returns to within the noise's share of its variance, which
     * is the floor's share of the spectrum; half as much again is well over the errors of both
     * estimates (each about 1 / sqrt(n / 4) of it: 9% at 500 samples).
     */
    static final double NOISE_RETURN = 1.5;
    static final int MAX_DIMENSION = 10;
    static final double FNN_SHARE = 0.02;
    /** Reference points of the correlation sum and of the surrogates' prediction, surrogates of the determinism test, frequencies of the 0-1 test. */
    static final int REFERENCES = 250;
    static final int SURROGATES = 2;
    static final int FREQUENCIES = 16;

    private AttractorAnalysis() {}

    /**
     * @param fixedShare how much, as a share of its level (standard deviation), a settled series may vary
     * @param delay      the embedding delay, or 0 to take it from the average mutual information
     * @param dimension  the embedding dimension, or 0 to take it from false nearest neighbours
     */
    public record Settings(double fixedShare, int delay, int dimension) implements java.io.Serializable {
        public static final Settings DEFAULT = new Settings(0.01, 0, 0);

        public Settings {
            if (!(fixedShare >= 0) || delay < 0 || dimension < 0) {
                throw new IllegalArgumentException("fixed share, delay and dimension must be at least 0");
            }
        }
    }

    /** Null numbers where the class makes them meaningless (a fixed point has no exponent). */
    public record Report(AttractorClass attractorClass, Double lyapunovPerSample, Double correlationDimension,
                         Integer embeddingDimension, Integer delay) {}

    public static Report analyze(double[] series, Settings settings) {
        if (series.length < 16) {
            throw new IllegalArgumentException("a series needs at least 16 values, not " + series.length);
        }
        if (fixedPoint(series, settings.fixedShare())) {
            return new Report(AttractorClass.FIXED_POINT, null, null, null, null);
        }
        double[] x = withoutTransient(series);
        int meanPeriod = (int) Math.ceil(Spectrum.meanPeriod(x));
        double[] power = Spectrum.power(x);
        LineSpectrum lines = LineSpectrum.of(power, x.length);
        // a periodic series under measurement noise returns to within the noise's share of its variance
        double returnError = lines.lineShare() >= LINE_SHARE ? Math.max(PERIODIC_RETURN, NOISE_RETURN * lines.floorShare()) : PERIODIC_RETURN;
        boolean harmonic = Spectrum.harmonic(power);
        boolean returns = harmonic && Recurrence.returns(x, x.length / 4, returnError);
        int tau = settings.delay() > 0 ? settings.delay() : MutualInformation.delay(x, Math.max(1, x.length / 10));
        int maxDimension = maxDimension(x.length);
        int m = settings.dimension() > 0 ? settings.dimension() : FalseNearestNeighbours.dimension(x, tau, maxDimension, FNN_SHARE);
        int theiler = meanPeriod;
        int[] neighbours = RosensteinEstimator.neighbours(x, m, tau, theiler);
        double lyapunov = RosensteinEstimator.estimate(x, m, tau, meanPeriod, neighbours).perSample();
        // no higher dimension than W values can tell confirms the estimate; a fixed one is checked one up
        double d2 = CorrelationDimension.saturated(x, m, Math.max(maxDimension, settings.dimension() + 1), tau, theiler, REFERENCES);
        // each test only where the ones before it left the class open
        AttractorClass c;
        if (returns) {
            c = AttractorClass.PERIODIC;
        } else if (!lines.continuous() && regularWithoutContinuum(x, tau, lines, harmonic)) {
            c = regular(harmonic);
        } else if (!(Determinism.ratio(x, m, tau, theiler, neighbours, RosensteinEstimator.NEIGHBOURS, SURROGATES, REFERENCES, 1) <= STOCHASTIC_RATIO)) {
            c = AttractorClass.STOCHASTIC;
        } else {
            c = lyapunov > 0 ? AttractorClass.CHAOTIC : regular(harmonic);
        }
        return new Report(c, finite(lyapunov), finite(d2), m, tau);
    }

    /**
     * The highest embedding dimension worth trying on n values: a dimension above 2 log10 n cannot
     * be told from the data (Eckmann and Ruelle, Physica D 56, 1992), and noise, which never
     * passes the false-neighbour test, would otherwise be embedded in MAX_DIMENSION at every window.
     */
    static int maxDimension(int n) {
        return Math.max(1, Math.min(MAX_DIMENSION, (int) (2 * Math.log10(n))));
    }

    /**
     * Whether a series whose spectrum has no continuous part is regular: its lines, not one
     * frequency's harmonics, hold half of the power over a floor of measurement noise (which drives
     * the 0-1 test towards 1) or where the 0-1 test abstains (two slow frequencies over a few turns,
     * under 100 values once subsampled, went on to the surrogates and were called noise or chaos in
     * 23 of the 24 series of a test); otherwise the 0-1 test's K decides.
     */
    private static boolean regularWithoutContinuum(double[] x, int tau, LineSpectrum lines, boolean harmonic) {
        boolean torusLines = lines.lineShare() >= LINE_SHARE && !harmonic;
        if (torusLines && lines.noisy()) {
            return true;
        }
        double k = ZeroOneTest.k(subsample(x, Math.max(1, tau / 2)), FREQUENCIES, 1);
        return Double.isNaN(k) ? torusLines : k <= CHAOTIC_K;
    }

    /** Periodic where the spectrum's peaks are one frequency and its harmonics, quasi-periodic where not. */
    private static AttractorClass regular(boolean harmonic) {
        return harmonic ? AttractorClass.PERIODIC : AttractorClass.QUASI_PERIODIC;
    }

    /** How many times smaller each quarter's range is than the one before in a series still settling. */
    static final double SETTLING = 3;

    static boolean fixedPoint(double[] x, double share) {
        return settled(x, share) || settling(x);
    }

    private static boolean settled(double[] x, double share) {
        double[] tail = Arrays.copyOfRange(x, x.length - x.length / 4, x.length);
        double scale = Math.max(Math.abs(Stats.mean(tail)), transientRange(x));
        // the standard deviation, not the largest deviation, which measurement noise lifts with every sample
        return Stats.sd(tail) <= share * scale;
    }

    /**
     * The range of the series once each value is the median of itself and its two neighbours (the
     * first and the last, which have one, left out): a decay keeps its range, while a single spike,
     * such as a tool's long gap in a latency, is not a transient that the series settled from.
     */
    private static double transientRange(double[] x) {
        double[] medians = new double[x.length - 2];
        for (int i = 0; i < medians.length; i++) {
            double a = x[i];
            double b = x[i + 1];
            double c = x[i + 2];
            medians[i] = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }
        return range(medians, 0, medians.length);
    }

    /**
     * Whether the range shrinks at least {@link #SETTLING} times from each quarter to the next: a
     * decay at a rate of 4.4 / n or more, which leaves a few percent of its amplitude moving in the
     * last quarter. Noise, white or red, and any attractor keep their range from quarter to quarter.
     */
    private static boolean settling(double[] x) {
        int quarter = x.length / 4;
        double previous = Double.POSITIVE_INFINITY;
        for (int from = 0; from + quarter <= x.length; from += quarter) {
            double range = range(x, from, from + quarter);
            if (!(SETTLING * range <= previous)) {
                return false;
            }
            previous = range;
        }
        return true;
    }

    private static double range(double[] x, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            min = Math.min(min, x[i]);
            max = Math.max(max, x[i]);
        }
        return max - min;
    }

    /** How much farther from the later level the first quarter reaches than the rest does, in a transient. */
    static final double TRANSIENT = 2;

    /**
     * The series without its first quarter where that quarter holds a transient: it reaches more
     * than {@link #TRANSIENT} times farther from the level of the rest than any later value does,
     * as a decay under noise does on its way to the level. A stationary series, whose first quarter
     * is a sample of the same motion as the rest, reaches about as far, and keeps all of its values;
     * the tests after the fixed point assume one (the surrogates keep its spectrum, the exponent
     * follows it), and a transient's smooth fall made noise deterministic, or chaotic, to them.
     */
    static double[] withoutTransient(double[] x) {
        int quarter = x.length / 4;
        double level = Stats.mean(Arrays.copyOfRange(x, quarter, x.length));
        double first = 0;
        double rest = 0;
        for (int i = 0; i < x.length; i++) {
            double distance = Math.abs(x[i] - level);
            if (i < quarter) {
                first = Math.max(first, distance);
            } else {
                rest = Math.max(rest, distance);
            }
        }
        return x.length - quarter >= 16 && first > TRANSIENT * rest ? Arrays.copyOfRange(x, quarter, x.length) : x;
    }

    /** Oversampled flows are subsampled for the 0-1 test, as its authors advise. */
    private static double[] subsample(double[] x, int step) {
        double[] out = new double[x.length / step];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i * step];
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
