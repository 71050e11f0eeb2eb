package org.giaoban.membership.urbanarea;

import java.time.LocalDate;
import java.util.List;

/**
 * The urban area's private domain events, as stored in the event store. What other services see is their
 * translation in {@code contracts} (see the publishing slice); these may change without breaking anyone.
 */
public final class UrbanAreaEvents {

    private UrbanAreaEvents() {
    }

    /** Name, kind, province and class of an urban area as of some day; as a change, nulls mean "unchanged". */
    public record Attributes(String name, UrbanAreaKind kind, String province, UrbanClass urbanClass) {

        public Attributes with(Attributes changes) {
            return new Attributes(
                    changes.name() != null ? changes.name() : name,
                    changes.kind() != null ? changes.kind() : kind,
                    changes.province() != null ? changes.province() : province,
                    changes.urbanClass() != null ? changes.urbanClass() : urbanClass);
        }
    }

    public record UrbanAreaRegistered(String urbanAreaId, String name, UrbanAreaKind kind, String province, UrbanClass urbanClass) {

        public Attributes attributes() {
            return new Attributes(name, kind, province, urbanClass);
        }
    }

    public record MemberAdmitted(String urbanAreaId, String clusterId, LocalDate effectiveFrom) {
    }

    /** {@code effectiveFrom} is the first day out; {@code reason} is {@value #DISSOLVED} when a dissolution ended it. */
    public record MemberWithdrawn(String urbanAreaId, String clusterId, LocalDate effectiveFrom, String reason) {

        public static final String DISSOLVED = "DISSOLVED";

        public boolean byDissolution() {
            return DISSOLVED.equals(reason);
        }
    }

    /**
     * An administrative change from {@code effectiveFrom}: {@code changed} holds only what changed (nulls for the
     * rest), {@code resulting} the whole set of attributes from that day. {@code clusterId} is the cluster it was in
     * the day before, if any.
     */
    public record UrbanAreaReorganised(String urbanAreaId, String clusterId, LocalDate effectiveFrom, Attributes changed,
                                       Attributes resulting, List<String> dissolvedInto, String note) {

        public boolean dissolution() {
            return dissolvedInto != null && !dissolvedInto.isEmpty();
        }
    }

    public record MembershipRecordRetracted(String urbanAreaId, String retractedEventId, String note) {
    }
}
