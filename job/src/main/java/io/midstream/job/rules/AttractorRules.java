package io.midstream.job.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.midstream.attractor.AttractorAnalysis;
import io.midstream.attractor.AttractorClass;
import io.midstream.avro.Severity;
import io.midstream.flink.AttractorFunction;

import java.util.EnumSet;
import java.util.List;

/**
 * The attractor section: window W, evaluation every K chunks, the fixed-point share, optionally a
 * fixed embedding, and the signals to watch with the classes that raise an alert on each.
 */
public record AttractorRules(@JsonProperty("window") Integer window,
                             @JsonProperty("every") Integer every,
                             @JsonProperty("min-window") Integer minWindow,
                             @JsonProperty("fixed-share") Double fixedShare,
                             @JsonProperty("delay") Integer delay,
                             @JsonProperty("dimension") Integer dimension,
                             @JsonProperty("watch") List<WatchRule> watch) {
    static final AttractorRules NONE = new AttractorRules(null, null, null, null, null, null, null);

    public AttractorRules {
        window = window == null ? 256 : window;
        every = every == null ? 32 : every;
        minWindow = minWindow == null ? Math.min(64, window) : minWindow;
        fixedShare = fixedShare == null ? 0.01 : fixedShare;
        delay = delay == null ? 0 : delay;
        dimension = dimension == null ? 0 : dimension;
        watch = watch == null ? List.of() : List.copyOf(watch);
        config(window, every, minWindow, fixedShare, delay, dimension, watch); // refused here, with the file's line
    }

    /** One watched signal: an alert when it enters one of the classes. */
    public record WatchRule(@JsonProperty("id") String id, @JsonProperty("signal") String signal,
                            @JsonProperty("classes") List<AttractorClass> classes, @JsonProperty("severity") Severity severity) {
        public WatchRule {
            if (id == null || signal == null || classes == null || classes.isEmpty()) {
                throw new IllegalArgumentException("a watch needs id, signal and classes (of fixed_point, periodic, quasi_periodic, chaotic, stochastic)");
            }
            severity = severity == null ? Severity.medium : severity;
        }
    }

    public AttractorFunction.Config config() {
        return config(window, every, minWindow, fixedShare, delay, dimension, watch);
    }

    private static AttractorFunction.Config config(int window, int every, int minWindow, double fixedShare, int delay,
                                                   int dimension, List<WatchRule> watch) {
        return new AttractorFunction.Config(
                watch.stream().map(w -> new AttractorFunction.Watch(w.id(), w.signal(), EnumSet.copyOf(w.classes()), w.severity())).toList(),
                window, every, minWindow, new AttractorAnalysis.Settings(fixedShare, delay, dimension));
    }
}
