package io.midstream.attractor;

import java.util.Arrays;

/**
 * A power spectrum split into lines, a white floor and a continuous rest (Farmer, Crutchfield,
 * Froehling, Packard and Shaw, "Power spectra and mixing properties of strange attractors", Ann.
 * N.Y. Acad. Sci. 357, 1980): regular motion has a discrete spectrum, under which measurement noise
 * only lays a flat floor; a chaotic attractor, even a phase-coherent one like Rössler's whose peaks
 * are sharp, spreads power around and between its peaks.
 *
 * @param lineShare      the share of the power in the lines, above the floor
 * @param floorShare     the share of the power in the floor
 * @param continuumShare the share of the power outside the lines, above the floor
 * @param uncertainty    how far the continuum's share can be off because the floor is estimated
 */
record LineSpectrum(double lineShare, double floorShare, double continuumShare, double uncertainty) {
    /** A line stands this far above the floor and above the spectrum beyond its window's main lobe. */
    static final double LINE = 30;
    /**
     * The Hann window leaves 0.05% of a line's power outside its main lobe, and at most 0.03% outside
     * the bins counted as the line's (computed for 500 to 5,000 samples and lines between bins).
     */
    static final double LEAKAGE = 0.001;
    /**
     * The floor's share of the power from which it is measurement noise that matters, the share of
     * white noise of 2.2% of a series' spread: the 0-1 test's K on tori reached 0.10 at 2% noise,
     * 0.25 at 3% (about 1,500 tori of 500 to 3,000 samples each) and over 0.4 on 4 of 30,000 at 4%.
     */
    static final double NOISE = 0.0005;
    /** Standard errors of the floor's estimate that a continuum must exceed. */
    static final double STANDARD_ERRORS = 3;

    /**
     * @param power   the Hann-windowed spectrum of {@link Spectrum#power}
     * @param samples how many samples it was taken of (before zero-padding)
     */
    static LineSpectrum of(double[] power, int samples) {
        int bins = power.length - 1;
        double[] sorted = Arrays.copyOfRange(power, 1, power.length);
        Arrays.sort(sorted);
        // a white floor's bins are exponentially distributed: its mean is the median over ln 2
        double floor = sorted[bins / 2] / Math.log(2);
        double padding = 2.0 * bins / samples;
        int lobe = (int) Math.ceil(2 * padding); // the Hann window's main lobe: 2 bins of the unpadded series
        boolean[] line = new boolean[power.length];
        int fundamental = -1;
        int highest = -1;
        boolean harmonic = true;
        for (int k = 1; k <= bins; k++) {
            if (isLine(power, k, lobe, floor)) {
                fundamental = fundamental < 0 ? k : fundamental;
                highest = k;
                // the fundamental's bin is half a bin off at most, its j-th multiple j / 2 bins
                harmonic &= Spectrum.multiple(k, fundamental, lobe + 0.5 * k / fundamental);
                mark(line, k, lobe);
            }
        }
        // a periodic series' power is all at multiples of its frequency, also where too weak to be seen
        // as lines; unless their lobes would cover half the spectrum and explain any continuum away.
        // The highest line, the farthest multiple seen, places the others. Where between bins the
        // lines lie, not their bins: a fundamental half a bin off puts its 25th multiple 12 bins off.
        if (fundamental > 2 * (2 * lobe + 1) && harmonic) {
            double top = Spectrum.position(power, highest);
            double frequency = top / Math.rint(top / Spectrum.position(power, fundamental));
            for (double f = 2 * frequency; f <= bins + lobe; f += frequency) {
                mark(line, (int) Math.rint(f), lobe);
            }
        }
        double total = 0;
        double inLines = 0;
        double rest = 0;
        int restBins = 0;
        for (int k = 1; k <= bins; k++) {
            total += power[k];
            if (line[k]) {
                inLines += power[k] - floor;
            } else {
                rest += power[k] - floor;
                restBins++;
            }
        }
        if (!(total > 0)) {
            return new LineSpectrum(0, 0, 0, 0);
        }
        // the median of B exponential values is off by about 1 / sqrt(B) of their mean; the padded,
        // windowed spectrum has about samples / 4 independent bins
        double floorError = floor / (Math.log(2) * Math.sqrt(samples / 4.0));
        return new LineSpectrum(inLines / total, floor * bins / total, rest / total, STANDARD_ERRORS * floorError * restBins / total);
    }

    /** Whether power outside the lines is more than the floor's uncertainty and the window's leakage explain. */
    boolean continuous() {
        return continuumShare > uncertainty + LEAKAGE;
    }

    /** Whether the floor holds enough of the power to be measurement noise that matters. */
    boolean noisy() {
        return floorShare > NOISE;
    }

    /**
     * A local maximum far above the floor and above the lowest of the spectrum within two lobes past
     * its main lobe on both sides, as the window's transform falls: a broadened peak stays high on one
     * side at least, while two close lines each reach the dip between them or the floor beyond.
     */
    private static boolean isLine(double[] power, int k, int lobe, double floor) {
        double p = power[k];
        if (p < LINE * floor || (k > 1 && p < power[k - 1]) || (k + 1 < power.length && p < power[k + 1])) {
            return false;
        }
        return p >= LINE * lowest(power, k - 3 * lobe - 1, k - lobe - 1) && p >= LINE * lowest(power, k + lobe + 1, k + 3 * lobe + 1);
    }

    /** The lowest power in bins from..to, 0 where they leave the spectrum. */
    private static double lowest(double[] power, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = from; j <= to; j++) {
            min = Math.min(min, j >= 1 && j < power.length ? power[j] : 0);
        }
        return min;
    }

    private static void mark(boolean[] line, int k, int lobe) {
        for (int j = Math.max(1, k - lobe); j <= Math.min(line.length - 1, k + lobe); j++) {
            line[j] = true;
        }
    }
}
