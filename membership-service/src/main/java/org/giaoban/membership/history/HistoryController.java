package org.giaoban.membership.history;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.giaoban.membership.Ids;
import org.giaoban.membership.history.HistoryProjection.Entry;
import org.giaoban.platform.problem.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An urban area's history as recorded: history is never rewritten, retractions show beside what they retract. */
@RestController
public class HistoryController {

    private final HistoryProjection history;

    public HistoryController(HistoryProjection history) {
        this.history = history;
    }

    public record History(String urbanAreaId, List<Entry> changes) {
    }

    @GetMapping("/api/membership/urban-areas/{id}/history")
    public History history(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id) {
        List<Entry> changes = history.of(id);
        if (changes.isEmpty()) {
            throw DomainException.notFound("unknown-urban-area", "No urban area " + id + " is registered.");
        }
        return new History(id, changes);
    }
}
