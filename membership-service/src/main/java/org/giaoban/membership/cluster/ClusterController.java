package org.giaoban.membership.cluster;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.membership.Ids;
import org.giaoban.membership.Outcome;
import org.giaoban.membership.cluster.ClusterMessages.FormCluster;
import org.giaoban.membership.cluster.ClusterMessages.RenameCluster;
import org.giaoban.membership.cluster.ClusterProjection.ClusterView;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Forming and renaming clusters; the list of clusters. */
@RestController
@RequestMapping("/api/membership/clusters")
public class ClusterController {

    private final CommandGateway commands;
    private final ClusterProjection clusters;

    public ClusterController(CommandGateway commands, ClusterProjection clusters) {
        this.commands = commands;
        this.clusters = clusters;
    }

    public record FormClusterRequest(
            @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String nameEn,
            @Size(max = 200) String region,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> aliases) {
    }

    public record RenameClusterRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String nameEn,
            @Size(max = 200) String region,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> aliases) {
    }

    /** The cluster as requested (NFC); the read model follows within moments. */
    public record ClusterResource(String id, String name, String nameEn, String region, List<String> aliases, Outcome outcome) {
    }

    public record Page<T>(List<T> items, int page, int size, int total) {
    }

    @PostMapping
    public ResponseEntity<ClusterResource> form(@Valid @RequestBody FormClusterRequest request) {
        Outcome outcome = commands.sendAndWait(new FormCluster(request.id(), request.name(), request.nameEn(), request.region(),
                request.aliases()));
        ClusterResource body = resource(request.id(), request.name(), request.nameEn(), request.region(), request.aliases(), outcome);
        return outcome == Outcome.RECORDED
                ? ResponseEntity.created(URI.create("/api/membership/clusters/" + request.id())).body(body)
                : ResponseEntity.ok(body);
    }

    @PutMapping("/{id}")
    public ClusterResource rename(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                  @Valid @RequestBody RenameClusterRequest request) {
        Outcome outcome = commands.sendAndWait(new RenameCluster(id, request.name(), request.nameEn(), request.region(),
                request.aliases()));
        return resource(id, request.name(), request.nameEn(), request.region(), request.aliases(), outcome);
    }

    /** Clusters in Vietnamese order of names; {@code q} matches names and aliases with or without diacritics. */
    @GetMapping
    public Page<ClusterView> list(@RequestParam(required = false) @Size(max = 200) String q,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        List<ClusterView> all = clusters.list(q);
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    private static ClusterResource resource(String id, String name, String nameEn, String region, List<String> aliases,
                                            Outcome outcome) {
        return new ClusterResource(id, VietnameseText.clean(name), VietnameseText.clean(nameEn), VietnameseText.clean(region),
                aliases == null ? List.of() : aliases.stream().map(VietnameseText::clean).toList(), outcome);
    }
}
