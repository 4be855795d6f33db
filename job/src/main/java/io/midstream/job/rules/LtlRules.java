package io.midstream.job.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.midstream.avro.Severity;
import io.midstream.ltl.Formula;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Proposition;
import io.midstream.ltl.Propositions;
import io.midstream.ltl.SpecificationPattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The propositions and LTL rules of the rules file. Each proposition and formula is parsed, and
 * each formula's shape checked, where it is read, so that an error names its line.
 */
public final class LtlRules {
    private LtlRules() {}

    /** A proposition's expression, parsed when read. */
    public record PropositionSpec(String text, Proposition proposition) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static PropositionSpec of(String text) {
            return new PropositionSpec(text, Proposition.parse(text));
        }
    }

    /** One rule: id, formula, severity; a formula outside the compiled fragment is refused here. */
    public record RuleSpec(@JsonProperty("id") String id, @JsonProperty("ltl") String ltl, @JsonProperty("severity") Severity severity) {
        public RuleSpec {
            if (id == null || ltl == null) {
                throw new IllegalArgumentException("a rule needs id and ltl");
            }
            severity = severity == null ? Severity.medium : severity;
            SpecificationPattern.shapes(rule(id, ltl, severity).formula());
        }

        LtlRule rule() {
            return rule(id, ltl, severity);
        }

        private static LtlRule rule(String id, String ltl, Severity severity) {
            return LtlRule.parse(id, ltl, severity);
        }
    }

    /** Refuses, with the rule's line, a second rule of an id and a rule that names a proposition the file does not define. */
    static void check(Map<String, PropositionSpec> propositions, List<RuleSpec> rules, YamlLines lines) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleSpec rule = rules.get(i);
            String where = "line " + lines.lineOf(List.of(new JsonMappingException.Reference(null, "rules"),
                    new JsonMappingException.Reference(null, i), new JsonMappingException.Reference(null, "ltl"))) + ": rule " + rule.id() + ": ";
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException(where + "a second rule with this id");
            }
            for (String name : Formula.propositions(rule.rule().formula())) {
                if (!propositions.containsKey(name)) {
                    throw new IllegalArgumentException(where + "the proposition " + name + " is not defined under propositions (defined: " + propositions.keySet() + ")");
                }
            }
        }
    }

    /** The propositions that the rules use, in the file's order: each gets a bit. */
    static Propositions used(Map<String, PropositionSpec> propositions, List<RuleSpec> rules) {
        Set<String> used = new LinkedHashSet<>();
        rules.forEach(r -> used.addAll(Formula.propositions(r.rule().formula())));
        Map<String, Proposition> byName = new LinkedHashMap<>();
        propositions.forEach((name, spec) -> {
            if (used.contains(name)) {
                byName.put(name, spec.proposition());
            }
        });
        return new Propositions(byName);
    }

    static List<LtlRule> compiled(List<RuleSpec> rules) {
        List<LtlRule> out = new ArrayList<>();
        rules.forEach(r -> out.add(r.rule()));
        return out;
    }
}
