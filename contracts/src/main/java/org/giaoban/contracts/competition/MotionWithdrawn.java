package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/** An open motion was withdrawn by the coordinator; it is never decided, and frees its place in an award's quota. */
public record MotionWithdrawn(String roundId, String motionId) implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
