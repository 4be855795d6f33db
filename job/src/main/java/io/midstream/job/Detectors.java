package io.midstream.job;

import io.midstream.avro.ReferenceUpdate;
import io.midstream.flink.AttractorDetector;
import io.midstream.flink.Detector;
import io.midstream.flink.LtlDetector;
import io.midstream.flink.TemporalCompareDetector;
import io.midstream.job.kafka.KafkaIo;
import io.midstream.job.kafka.SideInputWatermarks;
import io.midstream.job.rules.Rules;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.List;

/** The detectors the job runs, made from its configuration and rules: one line per detector. */
public final class Detectors {
    private Detectors() {}

    public static List<Detector> from(StreamExecutionEnvironment env, Configuration config, Rules rules) {
        List<Detector> detectors = new ArrayList<>();
        detectors.add(new TemporalCompareDetector(rules.temporal().patterns(), rules.temporal().cost(),
                rules.temporal().minMatchShare(), referenceUpdates(env, config)));
        if (!rules.attractor().watch().isEmpty()) {
            detectors.add(new AttractorDetector(rules.attractor().config()));
        }
        if (!rules.ltlRules().isEmpty()) {
            detectors.add(new LtlDetector(rules.ltlPropositions(), rules.ltlRules()));
        }
        return detectors;
    }

    private static DataStream<ReferenceUpdate> referenceUpdates(StreamExecutionEnvironment env, Configuration config) {
        return env.fromSource(KafkaIo.referenceSource(config), SideInputWatermarks.strategy(),
                        "Kafka: " + config.get(MidstreamOptions.TOPIC_REFERENCES))
                .setParallelism(1).uid("references-source");
    }
}
