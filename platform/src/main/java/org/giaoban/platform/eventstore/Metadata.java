package org.giaoban.platform.eventstore;

/**
 * Metadata keys that every command carries and that Axon copies onto the events it causes: who acted and the
 * request's correlation id. They become {@code ce_actor} and {@code ce_correlationid} on integration events.
 */
public final class Metadata {

    public static final String ACTOR = "actor";
    /** Not Axon's own {@code correlationId}, which names the causing message rather than the request. */
    public static final String CORRELATION_ID = "requestCorrelationId";

    private Metadata() {
    }
}
