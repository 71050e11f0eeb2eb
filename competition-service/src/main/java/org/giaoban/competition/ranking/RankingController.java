package org.giaoban.competition.ranking;

import jakarta.validation.constraints.Pattern;
import org.giaoban.competition.CompetitionAccess;
import org.giaoban.competition.Ids;
import org.giaoban.competition.ranking.RankingProjection.RoundRanking;
import org.giaoban.competition.round.Vocabulary.RoundState;
import org.giaoban.platform.problem.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's ranking: for the coordinators of its cluster, operators and analysts while the round is planned or open,
 * public once it is concluded ({@code state} says whether it is final).
 */
@RestController
@RequestMapping("/api/competition/rounds")
public class RankingController {

    private final RankingProjection ranking;

    public RankingController(RankingProjection ranking) {
        this.ranking = ranking;
    }

    @GetMapping("/{id}/ranking")
    public RoundRanking ranking(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id) {
        RoundRanking found = ranking.of(id)
                .orElseThrow(() -> DomainException.notFound("unknown-round", "No round " + id + " has been planned."));
        CompetitionAccess.requireRankingReader(found.clusterId(), found.state() == RoundState.CONCLUDED);
        return found;
    }
}
