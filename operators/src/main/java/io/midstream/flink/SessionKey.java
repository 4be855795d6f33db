package io.midstream.flink;

/**
 * The key that every keyed operator partitions by: tenant and session together, so that two
 * tenants' sessions of the same id never meet. The tenant is length-prefixed, so no pair of ids
 * maps to the key of another pair.
 */
public final class SessionKey {
    private SessionKey() {}

    public static String of(String tenantId, String sessionId) {
        return tenantId.length() + ":" + tenantId + "/" + sessionId;
    }
}
