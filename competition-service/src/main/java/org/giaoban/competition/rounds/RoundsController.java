package org.giaoban.competition.rounds;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.giaoban.competition.Ids;
import org.giaoban.competition.Page;
import org.giaoban.competition.round.Vocabulary.RoundState;
import org.giaoban.competition.rounds.RoundsQueries.RoundDetail;
import org.giaoban.competition.rounds.RoundsQueries.RoundSummary;
import org.giaoban.platform.problem.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of rounds: the list, and one round with its motions and results. Reads only. */
@RestController
@RequestMapping("/api/competition/rounds")
public class RoundsController {

    private final RoundsQueries rounds;

    public RoundsController(RoundsQueries rounds) {
        this.rounds = rounds;
    }

    /** Rounds by cluster (Vietnamese order of cluster names), the latest year first. */
    @GetMapping
    public Page<RoundSummary> list(@RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clusterId,
                                   @RequestParam(required = false) @Min(1990) @Max(2100) Integer year,
                                   @RequestParam(required = false) RoundState state,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                   @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(rounds.list(clusterId, year, state), page, size);
    }

    @GetMapping("/{id}")
    public RoundDetail round(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id) {
        return rounds.find(id).orElseThrow(() -> unknownRound(id));
    }

    static DomainException unknownRound(String id) {
        return DomainException.notFound("unknown-round", "No round " + id + " has been planned.");
    }
}
