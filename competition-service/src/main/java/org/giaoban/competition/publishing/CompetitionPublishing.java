package org.giaoban.competition.publishing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundEvents;
import org.giaoban.competition.round.Rules;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.competition.BallotCast;
import org.giaoban.contracts.competition.CompetitionEvents;
import org.giaoban.contracts.competition.Criterion;
import org.giaoban.contracts.competition.MotionDecided;
import org.giaoban.contracts.competition.MotionTabled;
import org.giaoban.contracts.competition.MotionWithdrawn;
import org.giaoban.contracts.competition.NextHostSelected;
import org.giaoban.contracts.competition.NextLeaderChosen;
import org.giaoban.contracts.competition.NextThemeAdopted;
import org.giaoban.contracts.competition.NominationDecided;
import org.giaoban.contracts.competition.NominationForwarded;
import org.giaoban.contracts.competition.NominationProposed;
import org.giaoban.contracts.competition.NominationSummary;
import org.giaoban.contracts.competition.RoundAmended;
import org.giaoban.contracts.competition.RoundConcluded;
import org.giaoban.contracts.competition.RoundOpened;
import org.giaoban.contracts.competition.RoundPlanned;
import org.giaoban.contracts.competition.ScoreRecorded;
import org.giaoban.platform.outbox.OutboxRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The round's private events in the published language of {@code competition.events.v1}. A ballot of a SECRET round
 * is never published: analysts see its motion's tallies once the motion is decided, never who voted how.
 */
@Configuration
public class CompetitionPublishing {

    @Bean
    OutboxRoute competitionOutbox() {
        return new OutboxRoute(CompetitionEvents.CATALOG, CompetitionPublishing::toIntegrationEvent);
    }

    static Optional<IntegrationEvent> toIntegrationEvent(Object domainEvent) {
        return Optional.ofNullable(translate(domainEvent));
    }

    private static IntegrationEvent translate(Object event) {
        if (event instanceof RoundEvents.RoundPlanned e) {
            return new RoundPlanned(e.roundId(), ref(e.cluster()), e.year(), e.movement(), e.theme(), ref(e.host()), ref(e.leader()),
                    e.conferenceDate(), e.venue(), e.workshopTopic(), rules(e.rules()));
        }
        if (event instanceof RoundEvents.RoundAmended e) {
            return new RoundAmended(e.roundId(), ref(e.cluster()), e.year(), e.movement(), e.theme(), ref(e.host()), ref(e.leader()),
                    e.conferenceDate(), e.venue(), e.workshopTopic(), rules(e.rules()));
        }
        if (event instanceof RoundEvents.RoundOpened e) {
            return new RoundOpened(e.roundId(), e.clusterId(), e.year(), e.rosterDate(), refs(e.participants()));
        }
        if (event instanceof RoundEvents.ScoreRecorded e) {
            return new ScoreRecorded(e.roundId(), e.urbanAreaId(), e.criterion(), e.points());
        }
        if (event instanceof RoundEvents.MotionTabled e) {
            return new MotionTabled(e.roundId(), e.motionId(), e.kind().name(), id(e.candidate()), name(e.award()), e.theme());
        }
        if (event instanceof RoundEvents.MotionWithdrawn e) {
            return new MotionWithdrawn(e.roundId(), e.motionId());
        }
        if (event instanceof RoundEvents.BallotCast e) {
            return e.secret() ? null
                    : new BallotCast(e.roundId(), e.motionId(), e.urbanAreaId(), e.vote().name(), e.recordedBy().name());
        }
        if (event instanceof RoundEvents.SecretBallotCast) {
            return null; // rule 2: a SECRET round's ballots stay inside; its tally leaves with MotionDecided
        }
        if (event instanceof RoundEvents.MotionDecided e) {
            return new MotionDecided(e.roundId(), e.motionId(), e.kind().name(), id(e.candidate()), name(e.award()), e.theme(),
                    e.approvals(), e.rejections(), e.abstentions(), e.participants(), e.outcome().name(), e.reason());
        }
        if (event instanceof RoundEvents.NominationProposed e) {
            return new NominationProposed(e.roundId(), ref(e.cluster()), e.year(), ref(e.urbanArea()), e.award().name(),
                    e.approvals(), e.participants());
        }
        if (event instanceof RoundEvents.NominationForwarded e) {
            return new NominationForwarded(e.roundId(), e.urbanAreaId(), e.award().name(), e.reference());
        }
        if (event instanceof RoundEvents.NominationDecided e) {
            return new NominationDecided(e.roundId(), e.urbanAreaId(), e.award().name(), e.decision().name(), e.reference());
        }
        if (event instanceof RoundEvents.NextHostSelected e) {
            return new NextHostSelected(e.roundId(), e.clusterId(), e.forYear(), ref(e.urbanArea()));
        }
        if (event instanceof RoundEvents.NextLeaderChosen e) {
            return new NextLeaderChosen(e.roundId(), e.clusterId(), e.forYear(), ref(e.urbanArea()));
        }
        if (event instanceof RoundEvents.NextThemeAdopted e) {
            return new NextThemeAdopted(e.roundId(), e.clusterId(), e.forYear(), e.theme());
        }
        if (event instanceof RoundEvents.RoundConcluded e) {
            return new RoundConcluded(e.roundId(), ref(e.cluster()), e.year(), e.movement(), e.theme(), e.conferenceDate(),
                    e.venue(), e.workshopTopic(), ref(e.host()), ref(e.leader()), refs(e.participants()),
                    e.nominations().stream().map(n -> new NominationSummary(ref(n.urbanArea()), n.award().name())).toList(),
                    ref(e.nextHost()), ref(e.nextLeader()), e.nextTheme(), ref(e.flagHandedOverTo()));
        }
        return null;
    }

    private static org.giaoban.contracts.competition.Ref ref(Ref ref) {
        return ref == null ? null : new org.giaoban.contracts.competition.Ref(ref.id(), ref.name());
    }

    private static List<org.giaoban.contracts.competition.Ref> refs(List<Ref> refs) {
        return refs.stream().map(CompetitionPublishing::ref).toList();
    }

    private static String id(Ref ref) {
        return ref == null ? null : ref.id();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static org.giaoban.contracts.competition.Rules rules(Rules rules) {
        Map<String, BigDecimal> quotas = new LinkedHashMap<>();
        rules.quotas().forEach((award, share) -> quotas.put(award.name(), share));
        return new org.giaoban.contracts.competition.Rules(rules.legalBasis(), rules.voteMethod().name(), rules.approvalThreshold(),
                quotas, rules.hostMayRepeat(), rules.criteria().stream().map(c -> new Criterion(c.name(), c.maxPoints())).toList());
    }
}
