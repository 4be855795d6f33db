package io.midstream.job.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.midstream.avro.ReferencePattern;
import io.midstream.avro.Severity;
import io.midstream.dtw.LocalCost;
import io.midstream.dtw.References;

import java.util.ArrayList;
import java.util.List;

/**
 * The temporal-compare section: the local cost of DTW, the least share of a pattern that a match
 * must span, and reference patterns, each for one tenant or a list of them.
 */
public record TemporalRules(@JsonProperty("cost") LocalCost cost,
                            @JsonProperty("min-match-share") Double minMatchShare,
                            @JsonProperty("references") List<Reference> references) {
    static final TemporalRules NONE = new TemporalRules(null, null, null);

    public TemporalRules {
        cost = cost == null ? LocalCost.ABS : cost;
        minMatchShare = minMatchShare == null ? 0.5 : minMatchShare;
        if (!(minMatchShare >= 0 && minMatchShare <= 1)) {
            throw new IllegalArgumentException("min-match-share must be within [0, 1], not " + minMatchShare);
        }
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** One pattern; {@code tenants} repeats it for each tenant listed. */
    public record Reference(@JsonProperty("tenant") String tenant, @JsonProperty("tenants") List<String> tenants,
                            @JsonProperty("id") String id,
                            @JsonProperty("signal") String signal,
                            @JsonProperty("values") List<Double> values,
                            @JsonProperty("epsilon") Double epsilon,
                            @JsonProperty("severity") Severity severity) {
        public Reference {
            // checked here, not by Jackson, so that a mistyped key is reported as unknown where it stands
            List<String> missing = new ArrayList<>();
            if (id == null) missing.add("id");
            if (signal == null) missing.add("signal");
            if (values == null) missing.add("values");
            if (epsilon == null) missing.add("epsilon");
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("reference " + (id == null ? "" : id + " ") + "lacks " + String.join(", ", missing)
                        + " (a reference has tenant or tenants, id, signal, values, epsilon and optionally severity)");
            }
            if ((tenant == null) == (tenants == null || tenants.isEmpty())) {
                throw new IllegalArgumentException("reference " + id + " needs either tenant or tenants");
            }
            tenants = tenant != null ? List.of(tenant) : List.copyOf(tenants);
            severity = severity == null ? Severity.medium : severity;
            for (ReferencePattern p : patterns(tenants, id, signal, values, epsilon, severity)) {
                String invalid = References.validate(p);
                if (invalid != null) {
                    throw new IllegalArgumentException("reference " + id + ": " + invalid);
                }
            }
        }

        private static List<ReferencePattern> patterns(List<String> tenants, String id, String signal, List<Double> values,
                                                       Double epsilon, Severity severity) {
            List<ReferencePattern> out = new ArrayList<>();
            for (String t : tenants) {
                out.add(new ReferencePattern(t, id, signal, values, epsilon, severity));
            }
            return out;
        }
    }

    public List<ReferencePattern> patterns() {
        List<ReferencePattern> out = new ArrayList<>();
        for (Reference r : references) {
            out.addAll(Reference.patterns(r.tenants(), r.id(), r.signal(), r.values(), r.epsilon(), r.severity()));
        }
        return out;
    }
}
