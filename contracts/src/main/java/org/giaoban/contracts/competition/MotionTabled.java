package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A motion was put to the participants' vote. {@code kind}: {@value #NOMINATION} (with {@code urbanAreaId} and
 * {@code award}), {@value #NEXT_HOST} or {@value #NEXT_LEADER} (with {@code urbanAreaId}), {@value #NEXT_THEME}
 * (with {@code theme}); the fields a kind does not use are null.
 */
public record MotionTabled(String roundId, String motionId, String kind, String urbanAreaId, String award, String theme)
        implements IntegrationEvent {

    public static final String NOMINATION = "NOMINATION";
    public static final String NEXT_HOST = "NEXT_HOST";
    public static final String NEXT_LEADER = "NEXT_LEADER";
    public static final String NEXT_THEME = "NEXT_THEME";

    @Override
    public String subject() {
        return roundId;
    }
}
