package org.giaoban.competition.nominations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.giaoban.competition.Ids;
import org.giaoban.competition.Page;
import org.giaoban.competition.nominations.NominationsProjection.Filter;
import org.giaoban.competition.nominations.NominationsProjection.NominationView;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.NominationStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of the nominations carried by rounds, with where each stands. Reads only. */
@RestController
@RequestMapping("/api/competition/nominations")
public class NominationsController {

    private final NominationsProjection nominations;

    public NominationsController(NominationsProjection nominations) {
        this.nominations = nominations;
    }

    /** The latest year first, then cluster, award (Bằng khen, then Giấy khen) and member in Vietnamese order. */
    @GetMapping
    public Page<NominationView> list(@RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clusterId,
                                     @RequestParam(required = false) @Min(1990) @Max(2100) Integer year,
                                     @RequestParam(required = false) Award award,
                                     @RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String urbanAreaId,
                                     @RequestParam(required = false) NominationStatus status,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                     @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(nominations.list(new Filter(clusterId, year, award, urbanAreaId, status)), page, size);
    }
}
