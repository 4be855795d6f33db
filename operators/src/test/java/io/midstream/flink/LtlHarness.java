package io.midstream.flink;

import io.midstream.avro.Alert;
import io.midstream.avro.SessionEvent;
import io.midstream.ltl.LtlRule;
import io.midstream.ltl.Propositions;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** The LTL detector's operators under Flink's test harness, for tests and benchmarks. */
public final class LtlHarness {
    private LtlHarness() {}

    public static KeyedOneInputStreamOperatorTestHarness<String, SessionEvent, LtlEvent> events(Propositions propositions, LtlEvents events) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new LtlEventOperator(propositions, events),
                e -> SessionKey.of(e.getTenantId(), e.getSessionId()), Types.STRING);
    }

    /** The CEP operator of one compiled pattern of a rule, as the job builds it. */
    public static KeyedOneInputStreamOperatorTestHarness<String, LtlEvent, Alert> rule(LtlRule rule, Pattern<LtlEvent, LtlEvent> pattern) throws Exception {
        var operator = LtlDetector.operator(rule, pattern, TypeInformation.of(LtlEvent.class).createSerializer(new SerializerConfigImpl()));
        return new KeyedOneInputStreamOperatorTestHarness<>(operator, LtlEvent::key, Types.STRING);
    }
}
