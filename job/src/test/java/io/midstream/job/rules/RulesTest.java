package io.midstream.job.rules;

import io.midstream.avro.ReferencePattern;
import io.midstream.avro.Severity;
import io.midstream.dtw.LocalCost;
import io.midstream.flink.LtlDetector;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesTest {
    @Test
    void referencesAreReadPerTenant() {
        Rules rules = Rules.parse("""
                temporal:
                  cost: squared
                  min-match-share: 0.25
                  references:
                    - tenants: [a, b]
                      id: loop
                      signal: repetition
                      values: [0, 1, 1]
                      epsilon: 0.5
                      severity: high
                    - tenant: c
                      id: stall
                      signal: latency_ms
                      values: [1000, 1000]
                      epsilon: 20
                """, "test");
        assertThat(rules.temporal().cost()).isEqualTo(LocalCost.SQUARED);
        assertThat(rules.temporal().minMatchShare()).isEqualTo(0.25);
        assertThat(rules.temporal().patterns()).extracting(ReferencePattern::getTenantId, ReferencePattern::getPatternId, ReferencePattern::getSeverity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "loop", Severity.high),
                        org.assertj.core.groups.Tuple.tuple("b", "loop", Severity.high),
                        org.assertj.core.groups.Tuple.tuple("c", "stall", Severity.medium));
    }

    @Test
    void attractorWatchesAreRead() {
        Rules rules = Rules.parse("""
                attractor:
                  window: 128
                  every: 16
                  watch:
                    - id: stall
                      signal: latency_ms
                      classes: [fixed_point, periodic]
                """, "test");
        var config = rules.attractor().config();
        assertThat(config.window()).isEqualTo(128);
        assertThat(config.every()).isEqualTo(16);
        assertThat(config.minWindow()).isEqualTo(64);
        assertThat(config.watches()).singleElement().satisfies(w -> {
            assertThat(w.alertOn()).containsExactlyInAnyOrder(io.midstream.attractor.AttractorClass.FIXED_POINT,
                    io.midstream.attractor.AttractorClass.PERIODIC);
            assertThat(w.severity()).isEqualTo(Severity.medium);
        });
        assertThatThrownBy(() -> Rules.parse("attractor:\n  watch:\n    - id: x\n      signal: s\n      classes: [loopy]\n", "r"))
                .hasMessageStartingWith("rules file r, line").hasMessageContaining("loopy");
        assertThatThrownBy(() -> Rules.parse("attractor:\n  window: 8\n", "r"))
                .hasMessageStartingWith("rules file r, line 1").hasMessageContaining("window >= 16");
    }

    @Test
    void anEmptyFileHasNoRules() {
        assertThat(Rules.parse("", "empty").temporal().patterns()).isEmpty();
        assertThat(Rules.none().temporal().cost()).isEqualTo(LocalCost.ABS);
    }

    @Test
    void anUnknownKeyIsRefusedWithItsLine() {
        assertThatThrownBy(() -> Rules.parse("""
                temporal:
                  references:
                    - tenant: a
                      id: loop
                      signall: repetition
                """, "rules.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rules file rules.yaml, line 3")
                .hasMessageContaining("reference loop lacks signal, values, epsilon");
        assertThatThrownBy(() -> Rules.parse("""
                temporal:
                  references:
                    - tenant: a
                      id: loop
                      signall: repetition
                      signal: repetition
                      values: [1]
                      epsilon: 1
                """, "rules.yaml"))
                .hasMessageStartingWith("rules file rules.yaml, line 5")
                .hasMessageContaining("Unrecognized field \"signall\"");
    }

    @Test
    void anInvalidPatternIsRefusedWithItsLineAndReason() {
        assertThatThrownBy(() -> Rules.parse("""
                temporal:
                  references:
                    - tenant: a
                      id: loop
                      signal: repetition
                      values: [0, 1]
                      epsilon: -1
                """, "rules.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rules file rules.yaml, line 3")
                .hasMessageContaining("reference loop: epsilon must be a finite number >= 0");
        assertThatThrownBy(() -> Rules.parse("temporal:\n  references:\n    - id: x\n      signal: s\n      values: [1]\n      epsilon: 1\n", "r"))
                .hasMessageStartingWith("rules file r, line 3").hasMessageContaining("needs either tenant or tenants");
        assertThatThrownBy(() -> Rules.parse("temporal:\n  cost: manhattan\n", "r"))
                .hasMessageContaining("line 2").hasMessageContaining("manhattan");
        assertThatThrownBy(() -> Rules.parse("temporal: [\n", "r")).hasMessageStartingWith("rules file r, line");
    }

    @Test
    void theShippedRulesFileIsValid() {
        Rules shipped = Rules.load(Path.of("..", "flink-conf", "rules.yaml"));
        assertThat(shipped.temporal().patterns()).isNotEmpty();
        assertThat(shipped.ltlRules()).isNotEmpty();
        assertThatThrownBy(() -> Rules.load(Path.of("no-such-rules.yaml"))).hasMessageStartingWith("cannot read rules file");
    }

    @Test
    void ltlRulesUseOnlyTheirPropositions() {
        Rules rules = Rules.parse("""
                propositions:
                  unused: role == "system"
                  call: tool_call != null
                  result: role == "tool"
                rules:
                  - id: roundtrip
                    ltl: G(call -> F[<=30s] result)
                    severity: high
                """, "test");
        assertThat(rules.ltlRules()).extracting(r -> r.id()).containsExactly("roundtrip");
        assertThat(rules.ltlPropositions().bits()).containsOnlyKeys("call", "result");
    }

    @Test
    void badLtlRulesAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> Rules.parse("""
                propositions:
                  call: tool_call != null
                  result: role = "tool"
                """, "r.yaml")).hasMessageStartingWith("rules file r.yaml, line 3: at position 5: expected a comparison");
        assertThatThrownBy(() -> Rules.parse("""
                propositions:
                  call: tool_call != null
                rules:
                  - id: a
                    ltl: G(call -> X X call)
                """, "r.yaml")).hasMessageStartingWith("rules file r.yaml, line 4: cannot compile G (call -> X X call) to a CEP pattern: the sub-formula");
        assertThatThrownBy(() -> Rules.parse("""
                propositions:
                  call: tool_call != null
                rules:
                  - id: a
                    ltl: G(!call)
                  - id: b
                    ltl: G(call -> F reply)
                """, "r.yaml")).hasMessageStartingWith("rules file r.yaml, line 7: rule b: the proposition reply is not defined");
        assertThatThrownBy(() -> Rules.parse("""
                rules:
                  - id: a
                    ltl: G(call -> F[<=3x] reply)
                """, "r.yaml")).hasMessageStartingWith("rules file r.yaml, line 2: at position 15: expected a unit");
        // Dwyer et al.'s [] must be quoted: unquoted, YAML reads a list
        assertThat(Rules.parse("propositions:\n  leak: text contains \"sk-\"\nrules:\n  - id: a\n    ltl: \"[](!leak)\"\n", "r.yaml").ltlRules()).hasSize(1);
        assertThatThrownBy(() -> Rules.parse("rules:\n  - id: a\n    ltl: [](!leak)\n", "r.yaml")).hasMessageStartingWith("rules file r.yaml, line 3");
        // each response reads marks of its own, however many (two bits each, 32 to a word of the marks)
        StringBuilder many = new StringBuilder("propositions:\n  call: tool_call != null\n  result: role == \"tool\"\nrules:\n");
        for (int i = 0; i < 70; i++) {
            many.append("  - id: r").append(i).append("\n    ltl: G(call -> F").append(i % 2 == 0 ? "" : "[<=" + i + "]").append(" result)\n");
        }
        // responses that decide at one chunk compile to absences, which read no marks
        String more = many.toString().replace("G(call -> F[<=31] result)", "G(call -> F[<=0] result)")
                + "  - id: never\n    ltl: G(call -> F (result & !result))\n";
        Rules rules = Rules.parse(more, "r.yaml");
        assertThat(LtlDetector.compile(rules.ltlPropositions(), rules.ltlRules()).stream().filter(p -> p.compiled().marks() != null)).hasSize(69);
    }
}
