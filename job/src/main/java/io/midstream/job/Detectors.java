package io.midstream.job;

import io.midstream.flink.Detector;
import org.apache.flink.configuration.Configuration;

import java.util.ArrayList;
import java.util.List;

/** The detectors the job runs, made from its configuration: one line per detector. */
public final class Detectors {
    private Detectors() {}

    public static List<Detector> from(Configuration config) {
        List<Detector> detectors = new ArrayList<>();
        return detectors;
    }
}
