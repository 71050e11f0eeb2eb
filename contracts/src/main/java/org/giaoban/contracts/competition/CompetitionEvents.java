package org.giaoban.contracts.competition;

import java.util.LinkedHashMap;
import java.util.Map;

import org.giaoban.contracts.EventCatalog;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.Topics;

/** What the competition service publishes on {@value Topics#COMPETITION}, keyed by round id. */
public final class CompetitionEvents {

    public static final EventCatalog CATALOG = catalog();

    private CompetitionEvents() {
    }

    private static EventCatalog catalog() {
        Map<Class<? extends IntegrationEvent>, Integer> versions = new LinkedHashMap<>();
        versions.put(RoundPlanned.class, 1);
        versions.put(RoundAmended.class, 1);
        versions.put(RoundOpened.class, 1);
        versions.put(ScoreRecorded.class, 1);
        versions.put(MotionTabled.class, 1);
        versions.put(MotionWithdrawn.class, 1);
        versions.put(BallotCast.class, 1);
        versions.put(MotionDecided.class, 1);
        versions.put(NominationProposed.class, 1);
        versions.put(NominationForwarded.class, 1);
        versions.put(NominationDecided.class, 1);
        versions.put(NextHostSelected.class, 1);
        versions.put(NextLeaderChosen.class, 1);
        versions.put(NextThemeAdopted.class, 1);
        versions.put(RoundConcluded.class, 1);
        return EventCatalog.of(Topics.COMPETITION, "/giaoban/competition-service", "org.giaoban.competition", versions);
    }
}
