package io.midstream.flink;

import io.midstream.avro.Alert;
import io.midstream.avro.DeadLetter;
import io.midstream.avro.DetectorScore;
import io.midstream.avro.SessionEvent;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.util.Optional;

/**
 * One detector of the job: it reads every session's events in seq order (START, each CHUNK with
 * its signals, END), keyed by {@link SessionKey}, and answers with alerts and scores (on the side
 * output {@link Tags#SCORES} of its operator, from where they reach SessionMetrics). The pipeline
 * wires every detector the same way, so adding one touches no wiring.
 */
public interface Detector {
    /** Names the detector's operators in the web UI and its scores in SessionMetrics. */
    String name();

    Outputs attach(KeyedStream<SessionEvent, String> sessions);

    /** What a detector gives the job; a detector without scores or dead letters has none. */
    record Outputs(DataStream<Alert> alerts, Optional<DataStream<DetectorScore>> scores, Optional<DataStream<DeadLetter>> deadLetters) {
        /** A detector whose one operator emits the alerts, with scores and dead letters on its side outputs. */
        public static Outputs of(SingleOutputStreamOperator<Alert> operator) {
            return new Outputs(operator, Optional.of(operator.getSideOutput(Tags.SCORES)), Optional.of(operator.getSideOutput(Tags.DEAD_LETTERS)));
        }
    }
}
