package io.midstream.ltl;

import io.midstream.avro.Severity;

import java.io.Serializable;

/** One rule of the rules file: its id, its formula as written and parsed, and the severity of its alerts. */
public record LtlRule(String id, String text, Formula formula, Severity severity) implements Serializable {
    public static LtlRule parse(String id, String text, Severity severity) {
        return new LtlRule(id, text, LtlParser.parse(text), severity);
    }
}
