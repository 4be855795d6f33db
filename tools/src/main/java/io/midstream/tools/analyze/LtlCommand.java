package io.midstream.tools.analyze;

import io.midstream.avro.Severity;
import io.midstream.flink.LtlTraceCheck;
import io.midstream.ltl.Formula;
import io.midstream.ltl.LtlOracle;
import io.midstream.ltl.LtlParser;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Proposition;
import io.midstream.ltl.Propositions;
import io.midstream.ltl.SpecificationPattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.midstream.tools.analyze.JsonLines.object;

/** {@code analyze ltl}: the verdict of a formula on each trace, by the job's CEP patterns or by the oracle. */
@Command(name = "ltl", mixinStandardHelpOptions = true,
        description = {"The LTLf verdict of a formula on each trace: {\"id\": ID, \"verdict\": \"satisfied\"|\"violated\", \"at\": POSITION_OR_NULL},",
                "where at is the earliest position that decides a violation (null when satisfied).",
                "Input lines: {\"id\": ID, \"trace\": [[\"p\",\"q\"], [], [\"r\"]]}, with \"times\": [ms, ...] for time bounds."})
final class LtlCommand implements Callable<Integer> {
    enum Engine { cep, oracle }

    @Option(names = "--formula", required = true, paramLabel = "F", description = "The LTL formula, e.g. 'G(call -> F[<=3] result)'.")
    String formula;
    @Option(names = "--traces", required = true, paramLabel = "FILE", description = "JSON lines of traces.")
    Path traces;
    @Option(names = "--engine", defaultValue = "cep",
            description = "cep: the compiled Flink CEP patterns in a MiniCluster (formulas of the supported shapes); oracle: formula progression (any formula). Default: ${DEFAULT-VALUE}.")
    Engine engine;

    @Override
    public Integer call() throws Exception {
        Formula f = LtlParser.parse(formula);
        LtlTraces input = LtlTraces.read(traces);
        if (hasTimeBound(f)) {
            input.traces().stream().filter(t -> !t.timed()).findFirst().ifPresent(t -> {
                throw new IllegalArgumentException("the formula has a time bound but trace " + t.id() + " has no \"times\"");
            });
        }
        Map<String, LtlOracle.Verdict> verdicts = new LinkedHashMap<>();
        if (engine == Engine.oracle) {
            input.traces().forEach(t -> verdicts.put(t.key(), LtlOracle.verdict(f, t.steps())));
        } else {
            SpecificationPattern.shapes(f);
            Map<String, Proposition> names = new LinkedHashMap<>();
            Formula.propositions(f).forEach(name -> names.put(name, view -> false));
            if (!input.traces().isEmpty()) {
                Map<String, List<LtlOracle.Step>> traces = new LinkedHashMap<>();
                input.traces().forEach(t -> traces.put(t.key(), t.steps()));
                LtlRule rule = new LtlRule("formula", formula, f, Severity.medium);
                verdicts.putAll(LtlTraceCheck.run(List.of(rule), new Propositions(names), traces).get(rule.id()));
            }
        }
        AnalyzeCommand.print(out -> input.traces().forEach(t -> {
            LtlOracle.Verdict v = verdicts.get(t.key());
            JsonLines.write(out, object("id", t.id(), "verdict", v.satisfied() ? "satisfied" : "violated", "at", v.at()));
        }));
        return 0;
    }

    private static boolean hasTimeBound(Formula f) {
        return f instanceof Formula.BoundedEventually b && b.bound().timed() || Formula.children(f).stream().anyMatch(LtlCommand::hasTimeBound);
    }
}
