package org.giaoban.competition.hosts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.giaoban.competition.Ids;
import org.giaoban.competition.Page;
import org.giaoban.competition.hosts.HostsProjection.HostYear;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of each cluster's hosts, leaders and flag handovers year by year. Reads only. */
@RestController
@RequestMapping("/api/competition/hosts")
public class HostsController {

    private final HostsProjection hosts;

    public HostsController(HostsProjection hosts) {
        this.hosts = hosts;
    }

    /** By cluster (Vietnamese order of names), the latest year first. */
    @GetMapping
    public Page<HostYear> list(@RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clusterId,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                               @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(hosts.list(clusterId), page, size);
    }
}
