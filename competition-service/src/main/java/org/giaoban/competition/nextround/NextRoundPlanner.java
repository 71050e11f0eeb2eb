package org.giaoban.competition.nextround;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.giaoban.competition.round.Outcome;
import org.giaoban.competition.round.RoundCommands.Plan;
import org.giaoban.competition.round.RoundCommands.PlanRound;
import org.giaoban.competition.round.RoundEvents.RoundConcluded;
import org.giaoban.platform.problem.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a round concludes, plan next year's round of the same cluster with the carried host and theme, the carried
 * leader or else this year's host (rule 7), and a copy of this year's rules (rule 8).
 *
 * <p>A tracking processor: its position is stored with what it did, so it resumes after a restart. It never plans
 * twice: the next round's id is fixed ({@code {cluster}-{year+1}}) and planning is idempotent — the same plan again
 * changes nothing, and a round the coordinator has meanwhile amended or opened is left as it is.
 */
@Component
@ProcessingGroup(NextRoundPlanner.NAME)
public class NextRoundPlanner {

    public static final String NAME = "next-round-planning";
    private static final Logger log = LoggerFactory.getLogger(NextRoundPlanner.class);

    private final CommandGateway commands;

    public NextRoundPlanner(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(RoundConcluded concluded) {
        Plan next = new Plan(concluded.cluster(), concluded.year() + 1, concluded.movement(), concluded.nextTheme(),
                concluded.nextHost(), concluded.nextLeader(), null, null, null, concluded.rules());
        try {
            Outcome outcome = commands.sendAndWait(new PlanRound(concluded.nextRoundId(), next));
            log.info("Round {} concluded: next year's round {} {}", concluded.roundId(), concluded.nextRoundId(),
                    outcome == Outcome.RECORDED ? "planned" : "was already planned so");
        } catch (DomainException e) {
            if (!"round-exists".equals(e.code())) {
                throw e;
            }
            log.info("Round {} concluded: next year's round {} exists already with its own plan; left as it is",
                    concluded.roundId(), concluded.nextRoundId());
        }
    }
}
