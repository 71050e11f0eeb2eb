package org.giaoban.competition.round;

import java.util.Optional;

/**
 * Where the key of each SECRET motion lives while the motion is open: outside the event store, so that destroying it
 * makes the sealed ballots in the store unreadable for good. Called from the round's command handlers, inside the
 * command's transaction: a key made with a ballot, or destroyed with a decision, stays or goes with the events.
 */
public interface MotionKeys {

    /** The motion's AES-256 key (32 bytes), made at its first use; every instance of the service gets the same one. */
    byte[] keyOf(String roundId, String motionId);

    /** The motion's key if it has one: none before its first secret ballot, none once destroyed. */
    Optional<byte[]> existingKey(String roundId, String motionId);

    /** Destroys the motion's key, if it has one. */
    void destroy(String roundId, String motionId);
}
