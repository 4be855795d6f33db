package io.midstream.alerts;

import io.midstream.avro.Alert;
import io.midstream.avro.DetectorKind;
import io.midstream.avro.Severity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Builds alerts; the id is derived from what the alert is about, so a replayed alert has the same id. */
public final class Alerts {
    private Alerts() {}

    /** A name-based UUID of tenant, session, detector, rule and seq: consumers drop duplicates by it. */
    public static String id(String tenant, String session, DetectorKind detector, String rule, long seq) {
        String name = tenant.length() + ":" + tenant + session.length() + ":" + session + detector + ":" + rule.length() + ":" + rule + "@" + seq;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Alert of(String tenant, String session, DetectorKind detector, String rule, Severity severity,
                           long firstSeq, long lastSeq, double score, String message, Instant eventTime) {
        return Alert.newBuilder()
                .setAlertId(id(tenant, session, detector, rule, lastSeq))
                .setTenantId(tenant)
                .setSessionId(session)
                .setDetector(detector)
                .setRuleId(rule)
                .setSeverity(severity)
                .setFirstSeq(firstSeq)
                .setLastSeq(lastSeq)
                .setScore(score)
                .setMessage(message)
                .setEventTime(eventTime)
                .setDetectedAt(Instant.now())
                .build();
    }
}
