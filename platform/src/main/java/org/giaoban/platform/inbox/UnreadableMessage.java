package org.giaoban.platform.inbox;

/**
 * A message that no retry can help: it has no {@code ce_id} (so it cannot be handled idempotently: it is not a
 * CloudEvent) or its JSON does not read as the type its {@code ce_type} names. It is parked at once, without retries.
 */
public class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String message) {
        super(message);
    }

    UnreadableMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
