package io.midstream.flink;

import io.midstream.avro.SessionEvent;
import org.apache.flink.streaming.api.datastream.KeyedStream;

/** Attractor detection as a detector of the job. */
public final class AttractorDetector implements Detector {
    private final AttractorFunction.Config config;

    public AttractorDetector(AttractorFunction.Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "attractor";
    }

    @Override
    public Outputs attach(KeyedStream<SessionEvent, String> sessions) {
        return Outputs.of(sessions.process(new AttractorFunction(config)).name("Attractor: phase-space class per signal").uid("attractor"));
    }
}
