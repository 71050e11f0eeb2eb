package org.giaoban.membership.cluster;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.membership.cluster.ClusterMessages.ClusterFormed;
import org.giaoban.membership.cluster.ClusterMessages.ClusterRenamed;
import org.giaoban.membership.cluster.ClusterMessages.FormCluster;
import org.giaoban.membership.cluster.ClusterMessages.RenameCluster;
import org.giaoban.membership.Outcome;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.text.VietnameseText;

/**
 * A regional cluster of member urban areas, with the names it is known by ("Cụm các đô thị vùng Tây Bắc", also
 * "... vùng núi Tây Bắc"). Who its members are lives with each urban area's membership history.
 */
@Aggregate
public class Cluster {

    private static final int MAX_NAME = 200;
    private static final int MAX_ALIASES = 20;

    @AggregateIdentifier
    private String streamId;
    private String clusterId;
    private Names names;

    /** Names compare as people read them: both tone-mark placements and any spacing are one name. */
    record Names(String name, String nameEn, String region, List<String> aliases) {

        boolean sameAs(Names other) {
            return VietnameseText.sameName(name, other.name) && Objects.equals(nameEn, other.nameEn)
                    && VietnameseText.sameName(region, other.region) && keys(aliases).equals(keys(other.aliases));
        }

        private static Set<String> keys(List<String> aliases) {
            Set<String> keys = new HashSet<>();
            aliases.forEach(alias -> keys.add(VietnameseText.identityKey(alias)));
            return keys;
        }
    }

    protected Cluster() {
        // for Axon
    }

    public static String streamId(String clusterId) {
        return "cluster:" + clusterId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(FormCluster command) {
        Names requested = names(command.name(), command.nameEn(), command.region(), command.aliases());
        if (clusterId != null) {
            if (names.sameAs(requested)) {
                return Outcome.UNCHANGED;
            }
            throw DomainException.conflict("cluster-exists", "Cluster " + command.clusterId() + " already exists with other names.");
        }
        apply(new ClusterFormed(command.clusterId(), requested.name(), requested.nameEn(), requested.region(), requested.aliases()));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(RenameCluster command) {
        Names requested = names(command.name(), command.nameEn(), command.region(), command.aliases());
        if (names.sameAs(requested)) {
            return Outcome.UNCHANGED;
        }
        apply(new ClusterRenamed(clusterId, requested.name(), requested.nameEn(), requested.region(), requested.aliases()));
        return Outcome.RECORDED;
    }

    @EventSourcingHandler
    void on(ClusterFormed event) {
        streamId = streamId(event.clusterId());
        clusterId = event.clusterId();
        names = new Names(event.name(), event.nameEn(), event.region(), event.aliases());
    }

    @EventSourcingHandler
    void on(ClusterRenamed event) {
        names = new Names(event.name(), event.nameEn(), event.region(), event.aliases());
    }

    private static Names names(String name, String nameEn, String region, List<String> aliases) {
        String cleanName = text(name, "name", true);
        List<String> cleanAliases = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(VietnameseText.identityKey(cleanName)));
        for (String alias : aliases == null ? List.<String>of() : aliases) {
            String cleanAlias = text(alias, "alias", true);
            if (seen.add(VietnameseText.identityKey(cleanAlias))) {
                cleanAliases.add(cleanAlias);
            }
        }
        if (cleanAliases.size() > MAX_ALIASES) {
            throw DomainException.invalid("too-many-aliases", "At most " + MAX_ALIASES + " aliases.");
        }
        return new Names(cleanName, text(nameEn, "nameEn", false), text(region, "region", false), List.copyOf(cleanAliases));
    }

    private static String text(String value, String field, boolean required) {
        String clean = VietnameseText.clean(value);
        if (clean == null || clean.isEmpty()) {
            if (required) {
                throw DomainException.invalid("blank-" + field, field + " must not be blank.");
            }
            return null;
        }
        if (clean.length() > MAX_NAME) {
            throw DomainException.invalid("too-long", field + " is longer than " + MAX_NAME + " characters.");
        }
        return clean;
    }
}
