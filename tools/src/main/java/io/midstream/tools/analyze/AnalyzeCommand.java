package io.midstream.tools.analyze;

import io.midstream.attractor.AttractorAnalysis;
import io.midstream.dtw.Dtw;
import io.midstream.dtw.EditDistance;
import io.midstream.dtw.Lcs;
import io.midstream.dtw.LocalCost;
import io.midstream.dtw.SpringMatcher;
import io.midstream.dtw.SpringState;
import io.midstream.dtw.Tokens;
import io.midstream.dtw.UcrSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.midstream.tools.analyze.JsonLines.object;

/** {@code ./midstream analyze}: the job's detectors over files, JSON lines out. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Runs the detectors' algorithms over files: the same code as the job. Output is JSON lines; errors go to standard error.",
        subcommands = {AnalyzeCommand.DtwCommand.class, AnalyzeCommand.SpringCommand.class, AnalyzeCommand.SearchCommand.class,
                AnalyzeCommand.LcsCommand.class, AnalyzeCommand.EditCommand.class, AnalyzeCommand.AttractorCommand.class,
                LtlCommand.class})
public final class AnalyzeCommand {
    /** Writes to standard output through a buffer, flushed, never closed: standard output outlives the command. */
    static void print(java.util.function.Consumer<PrintWriter> body) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        body.accept(out);
        out.flush();
    }

    static void printLine(java.util.Map<String, Object> line) {
        print(out -> JsonLines.write(out, line));
    }

    /** The two word files of the sequence commands, as token ids of one vocabulary. */
    static final class WordFiles {
        @Option(names = "--a", required = true, paramLabel = "FILE", description = "Words, separated by white space.")
        Path a;
        @Option(names = "--b", required = true, paramLabel = "FILE", description = "Words, separated by white space.")
        Path b;

        int[][] ids() {
            Tokens tokens = new Tokens();
            return new int[][] {tokens.ids(SeriesFile.words(a)), tokens.ids(SeriesFile.words(b))};
        }
    }

    /** The cost option of the DTW commands. */
    static final class CostOption {
        @Option(names = "--cost", defaultValue = "abs", description = "Local cost: abs |x-y| or squared (x-y)^2 (default: ${DEFAULT-VALUE}).",
                converter = CostConverter.class)
        LocalCost cost;
    }

    static final class CostConverter implements picocli.CommandLine.ITypeConverter<LocalCost> {
        @Override
        public LocalCost convert(String value) {
            return switch (value.toLowerCase()) {
                case "abs" -> LocalCost.ABS;
                case "squared" -> LocalCost.SQUARED;
                default -> throw new picocli.CommandLine.TypeConversionException("expected abs or squared, not '" + value + "'");
            };
        }
    }

    @Command(name = "dtw", mixinStandardHelpOptions = true,
            description = "DTW distance of two series: the sum of local costs along the best path with |i-j| <= W, no square root; \"Infinity\" where no path fits the band.")
    static final class DtwCommand implements Runnable {
        @Option(names = "--a", required = true, paramLabel = "FILE", description = "Series, one number per line.")
        Path a;
        @Option(names = "--b", required = true, paramLabel = "FILE", description = "Series, one number per line.")
        Path b;
        @Option(names = "--window", paramLabel = "W", description = "Sakoe-Chiba band: |i-j| <= W (default: none).")
        Integer window;
        @picocli.CommandLine.Mixin
        CostOption cost = new CostOption();

        @Override
        public void run() {
            if (window != null && window < 0) {
                throw new IllegalArgumentException("--window must be at least 0, not " + window);
            }
            double d = Dtw.distance(SeriesFile.numbers(a), SeriesFile.numbers(b), window == null ? Integer.MAX_VALUE : window, cost.cost);
            printLine(object("distance", d));
        }
    }

    @Command(name = "spring", mixinStandardHelpOptions = true,
            description = "SPRING over a stream: for each position t the best DTW distance of a subsequence ending at t and where it starts; then the disjoint matches under epsilon.")
    static final class SpringCommand implements Runnable {
        @Option(names = "--query", required = true, paramLabel = "FILE", description = "The pattern, one number per line.")
        Path query;
        @Option(names = "--stream", required = true, paramLabel = "FILE", description = "The stream, one number per line.")
        Path stream;
        @Option(names = "--epsilon", paramLabel = "E", description = "Report the disjoint matches with distance <= E (default: none).")
        Double epsilon;
        @Option(names = "--min-length", defaultValue = "1", paramLabel = "L",
                description = "A match spans at least L positions; 1 is the paper's algorithm (default: ${DEFAULT-VALUE}).")
        long minLength;
        @picocli.CommandLine.Mixin
        CostOption cost = new CostOption();

        @Override
        public void run() {
            double[] q = SeriesFile.numbers(query);
            double[] x = SeriesFile.numbers(stream);
            if (q.length == 0) {
                throw new IllegalArgumentException(query + ": the query is empty");
            }
            if (epsilon != null && !(epsilon >= 0)) {
                throw new IllegalArgumentException("--epsilon must be at least 0, not " + epsilon);
            }
            // the matrix that reports matches is pruned after each report; the distances come from one that never is
            SpringMatcher distances = new SpringMatcher(q, cost.cost, Double.NaN);
            SpringState plain = distances.newState();
            SpringMatcher reporter = epsilon == null ? null : new SpringMatcher(q, cost.cost, epsilon, minLength);
            SpringState reporting = reporter == null ? null : reporter.newState();
            List<SpringMatcher.Match> matches = new ArrayList<>();
            print(out -> {
                for (int t = 0; t < x.length; t++) {
                    distances.update(plain, t, x[t]);
                    JsonLines.write(out, object("t", t, "distance", plain.getD()[q.length], "start", plain.getS()[q.length]));
                    if (reporter != null) {
                        SpringMatcher.Match m = reporter.update(reporting, t, x[t]);
                        if (m != null) {
                            matches.add(m);
                        }
                    }
                }
                if (reporter != null) {
                    SpringMatcher.Match last = reporter.finish(reporting);
                    if (last != null) {
                        matches.add(last);
                    }
                }
                for (SpringMatcher.Match m : matches) {
                    JsonLines.write(out, object("match", object("start", m.start(), "end", m.end(), "distance", m.distance())));
                }
            });
        }
    }

    @Command(name = "dtw-search", mixinStandardHelpOptions = true,
            description = "The window of a long series closest to a query by banded DTW, with the UCR suite's pruning: position, distance and what each bound pruned.")
    static final class SearchCommand implements Runnable {
        @Option(names = "--query", required = true, paramLabel = "FILE")
        Path query;
        @Option(names = "--series", required = true, paramLabel = "FILE")
        Path series;
        @Option(names = "--window", defaultValue = "0.1", paramLabel = "W",
                description = "Band as a share of the query's length (default: ${DEFAULT-VALUE}).")
        double window;
        @picocli.CommandLine.Mixin
        CostOption cost = new CostOption();

        @Override
        public void run() {
            double[] q = SeriesFile.numbers(query);
            if (!(window >= 0 && window <= 1)) {
                throw new IllegalArgumentException("--window is a share of the query's length, within [0, 1], not " + window);
            }
            UcrSearch.Result r = UcrSearch.bestMatch(q, SeriesFile.numbers(series), (int) Math.round(window * q.length), cost.cost);
            printLine(object("position", r.position(), "distance", r.distance(),
                        "pruned", object("lb_kim", r.prunedByKim(), "lb_keogh_query", r.prunedByKeoghQuery(),
                                "lb_keogh_series", r.prunedByKeoghSeries(), "lb_improved", r.prunedByImproved(),
                                "dtw_abandoned", r.abandonedDtw()),
                        "dtw_completed", r.fullDtw()));
        }
    }

    @Command(name = "lcs", mixinStandardHelpOptions = true, description = "Length of the longest common subsequence of two word sequences.")
    static final class LcsCommand implements Runnable {
        @picocli.CommandLine.Mixin
        WordFiles files = new WordFiles();

        @Override
        public void run() {
            int[][] ids = files.ids();
            printLine(object("lcs", Lcs.length(ids[0], ids[1])));
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Edit (Levenshtein) distance of two word sequences.")
    static final class EditCommand implements Runnable {
        @picocli.CommandLine.Mixin
        WordFiles files = new WordFiles();

        @Override
        public void run() {
            int[][] ids = files.ids();
            printLine(object("distance", EditDistance.of(ids[0], ids[1])));
        }
    }

    @Command(name = "attractor", mixinStandardHelpOptions = true,
            description = "The attractor of a series: class (fixed_point, periodic, quasi_periodic, chaotic, stochastic), largest Lyapunov exponent, correlation dimension, embedding dimension and delay.")
    static final class AttractorCommand implements Runnable {
        @Option(names = "--input", required = true, paramLabel = "FILE", description = "Series, one number per line.")
        Path input;
        @Option(names = "--dt", paramLabel = "DT", description = "Sampling step: the exponent is then per time unit, not per sample.")
        Double dt;
        @Option(names = "--fixed-share", defaultValue = "0.01", paramLabel = "S",
                description = "A series settles (fixed_point) when its last quarter's standard deviation is at most S of its level, or of the range it decayed over (default: ${DEFAULT-VALUE}).")
        double fixedShare;
        @Option(names = "--delay", defaultValue = "0", paramLabel = "TAU", description = "Embedding delay; 0 takes the first minimum of the average mutual information (default: ${DEFAULT-VALUE}).")
        int delay;
        @Option(names = "--dimension", defaultValue = "0", paramLabel = "M", description = "Embedding dimension; 0 takes it from false nearest neighbours (default: ${DEFAULT-VALUE}).")
        int dimension;

        @Override
        public void run() {
            if (dt != null && !(dt > 0)) {
                throw new IllegalArgumentException("--dt must be positive, not " + dt);
            }
            AttractorAnalysis.Report r = AttractorAnalysis.analyze(SeriesFile.numbers(input),
                    new AttractorAnalysis.Settings(fixedShare, delay, dimension));
            Double lyapunov = r.lyapunovPerSample() == null ? null : r.lyapunovPerSample() / (dt == null ? 1 : dt);
            printLine(object("class", r.attractorClass().label(), "lyapunov", lyapunov,
                    "correlation_dimension", r.correlationDimension(), "embedding_dimension", r.embeddingDimension(),
                    "delay", r.delay()));
        }
    }
}
