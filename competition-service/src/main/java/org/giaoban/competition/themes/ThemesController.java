package org.giaoban.competition.themes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.giaoban.competition.Ids;
import org.giaoban.competition.Page;
import org.giaoban.competition.themes.ThemesProjection.ThemeYear;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reads of the themes each cluster adopted year by year, with the proposals that lost. Reads only. */
@RestController
@RequestMapping("/api/competition/themes")
public class ThemesController {

    private final ThemesProjection themes;

    public ThemesController(ThemesProjection themes) {
        this.themes = themes;
    }

    /** By cluster (Vietnamese order of names), the latest year first. */
    @GetMapping
    public Page<ThemeYear> list(@RequestParam(required = false) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clusterId,
                                @RequestParam(required = false) @Min(1990) @Max(2101) Integer year,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
                                @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(themes.list(clusterId, year), page, size);
    }
}
