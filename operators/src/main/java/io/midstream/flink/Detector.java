package io.midstream.flink;

import io.midstream.avro.Alert;
import io.midstream.avro.SessionEvent;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;


/**
 * One detector of the job: it reads every session's events in seq order (START, each CHUNK with
 * its signals, END), keyed by {@link SessionKey}, and answers with alerts; its scores go to the
 * side output {@link Tags#SCORES}, from where they reach SessionMetrics. The pipeline wires every
 * detector the same way, so adding one touches no wiring.
 */
public interface Detector {
    /** Names the detector's operators in the web UI and its scores in SessionMetrics. */
    String name();

    SingleOutputStreamOperator<Alert> attach(KeyedStream<SessionEvent, String> sessions);
}
