package org.giaoban.competition.ranking;

import jakarta.validation.constraints.Pattern;
import org.giaoban.competition.Ids;
import org.giaoban.competition.ranking.RankingProjection.RoundRanking;
import org.giaoban.platform.problem.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A round's ranking. API.md restricts it to coordinators, operators and analysts until the round is concluded; the
 * service has no tokens yet, so it is read as every other round read is, and {@code state} says whether it is final.
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
        return ranking.of(id)
                .orElseThrow(() -> DomainException.notFound("unknown-round", "No round " + id + " has been planned."));
    }
}
