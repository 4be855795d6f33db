package io.midstream.dtw;

import io.midstream.avro.ReferencePattern;

/** What makes a reference pattern usable, whether it comes from the rules file or from llm.references. */
public final class References {
    public static final int MAX_LENGTH = 10_000;

    private References() {}

    /** Null for a usable pattern, else what is wrong with it. */
    public static String validate(ReferencePattern p) {
        if (p.getTenantId().isBlank() || p.getPatternId().isBlank()) {
            return "tenant_id and pattern_id must not be empty";
        }
        if (p.getSignal().isBlank()) {
            return "signal must name a signal";
        }
        if (p.getValues().isEmpty() || p.getValues().size() > MAX_LENGTH) {
            return "values must hold 1 to " + MAX_LENGTH + " numbers, not " + p.getValues().size();
        }
        for (int i = 0; i < p.getValues().size(); i++) {
            if (!Double.isFinite(p.getValues().get(i))) {
                return "values[" + i + "] is not a finite number";
            }
        }
        if (!(p.getEpsilon() >= 0) || Double.isInfinite(p.getEpsilon())) {
            return "epsilon must be a finite number >= 0, not " + p.getEpsilon();
        }
        return null;
    }

    public static double[] values(ReferencePattern p) {
        return p.getValues().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
