package org.giaoban.membership.roster;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.giaoban.membership.urbanarea.UrbanAreaEvents.Attributes;
import org.giaoban.membership.urbanarea.UrbanAreaKind;
import org.giaoban.membership.urbanarea.UrbanClass;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Questions answered from the rosters read model, always as of a given day. */
@Component
public class RosterQueries {

    private final JdbcClient jdbc;

    public RosterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One member on the roster, named as it was named on that day. */
    public record Member(String urbanAreaId, String name, UrbanAreaKind kind, String province, UrbanClass urbanClass,
                         LocalDate memberFrom, LocalDate memberUntil) {
    }

    public record Period(String clusterId, LocalDate from, LocalDate until) {
    }

    public record UrbanAreaView(String urbanAreaId, LocalDate asOf, String name, UrbanAreaKind kind, String province,
                                UrbanClass urbanClass, String clusterId, List<Period> memberships, LocalDate dissolvedOn,
                                List<String> dissolvedInto) {
    }

    /** The roster of a cluster on a day, in Vietnamese order of names. */
    public List<Member> membersOn(String clusterId, LocalDate day) {
        record Membership(String urbanAreaId, LocalDate from, LocalDate until) {
        }
        List<Membership> memberships = jdbc.sql("""
                        SELECT urban_area_id, valid_from, valid_until FROM membership_period
                        WHERE cluster_id = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)""")
                .params(clusterId, Date.valueOf(day), Date.valueOf(day))
                .query((row, i) -> new Membership(row.getString("urban_area_id"), row.getDate("valid_from").toLocalDate(),
                        localDate(row.getDate("valid_until"))))
                .list();
        Map<String, Attributes> attributes = attributesOn(memberships.stream().map(Membership::urbanAreaId).toList(), day);
        return memberships.stream()
                .map(m -> {
                    Attributes a = attributes.get(m.urbanAreaId());
                    return new Member(m.urbanAreaId(), a.name(), a.kind(), a.province(), a.urbanClass(), m.from(), m.until());
                })
                .sorted(Comparator.comparing(Member::name, VietnameseText.order()))
                .toList();
    }

    public Optional<UrbanAreaView> urbanArea(String urbanAreaId, LocalDate day) {
        record Dissolution(LocalDate on, List<String> into) {
        }
        Optional<Dissolution> registered = jdbc.sql("SELECT dissolved_on, dissolved_into FROM urban_area WHERE urban_area_id = ?")
                .param(urbanAreaId)
                .query((row, i) -> new Dissolution(localDate(row.getDate("dissolved_on")),
                        Arrays.asList((String[]) row.getArray("dissolved_into").getArray())))
                .optional();
        if (registered.isEmpty()) {
            return Optional.empty();
        }
        List<Period> memberships = jdbc.sql("""
                        SELECT cluster_id, valid_from, valid_until FROM membership_period
                        WHERE urban_area_id = ? ORDER BY valid_from""")
                .param(urbanAreaId)
                .query((row, i) -> new Period(row.getString("cluster_id"), row.getDate("valid_from").toLocalDate(),
                        localDate(row.getDate("valid_until"))))
                .list();
        String clusterOnDay = memberships.stream()
                .filter(p -> !day.isBefore(p.from()) && (p.until() == null || day.isBefore(p.until())))
                .map(Period::clusterId).findFirst().orElse(null);
        Attributes a = attributesOn(List.of(urbanAreaId), day).get(urbanAreaId);
        return Optional.of(new UrbanAreaView(urbanAreaId, day, a.name(), a.kind(), a.province(), a.urbanClass(), clusterOnDay,
                memberships, registered.get().on(), registered.get().into()));
    }

    /** Attributes in force on a day: registration first, then every change up to that day in date order. */
    private Map<String, Attributes> attributesOn(List<String> urbanAreaIds, LocalDate day) {
        Map<String, Attributes> folded = new HashMap<>();
        if (urbanAreaIds.isEmpty()) {
            return folded;
        }
        jdbc.sql("""
                        SELECT urban_area_id, name, kind, province, urban_class FROM urban_area_change
                        WHERE urban_area_id = ANY(?) AND (effective_from IS NULL OR effective_from <= ?)
                        ORDER BY urban_area_id, effective_from NULLS FIRST, recorded_order""")
                .params(urbanAreaIds.toArray(String[]::new), Date.valueOf(day))
                .query(row -> {
                    Attributes change = new Attributes(row.getString("name"),
                            row.getString("kind") == null ? null : UrbanAreaKind.valueOf(row.getString("kind")),
                            row.getString("province"),
                            row.getString("urban_class") == null ? null : UrbanClass.valueOf(row.getString("urban_class")));
                    folded.merge(row.getString("urban_area_id"), change, Attributes::with);
                });
        return folded;
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
