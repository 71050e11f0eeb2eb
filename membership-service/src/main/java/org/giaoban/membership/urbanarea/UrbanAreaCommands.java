package org.giaoban.membership.urbanarea;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What an operator asks of the urban-area registry. Each command addresses one urban area's event stream
 * ({@link UrbanArea#streamId}), kept apart from clusters' streams even where the ids coincide.
 */
public final class UrbanAreaCommands {

    private UrbanAreaCommands() {
    }

    public record RegisterUrbanArea(String urbanAreaId, String name, UrbanAreaKind kind, String province, UrbanClass urbanClass) {

        @TargetAggregateIdentifier
        public String streamId() {
            return UrbanArea.streamId(urbanAreaId);
        }
    }

    public record AdmitMember(String urbanAreaId, String clusterId, LocalDate effectiveFrom) {

        @TargetAggregateIdentifier
        public String streamId() {
            return UrbanArea.streamId(urbanAreaId);
        }
    }

    public record WithdrawMember(String urbanAreaId, LocalDate effectiveFrom, String reason) {

        @TargetAggregateIdentifier
        public String streamId() {
            return UrbanArea.streamId(urbanAreaId);
        }
    }

    public record ReorganiseUrbanArea(String urbanAreaId, LocalDate effectiveFrom, String name, UrbanAreaKind kind,
                                      String province, UrbanClass urbanClass, List<String> dissolvedInto, String note) {

        @TargetAggregateIdentifier
        public String streamId() {
            return UrbanArea.streamId(urbanAreaId);
        }
    }

    public record RetractRecord(String urbanAreaId, String eventId, String note) {

        @TargetAggregateIdentifier
        public String streamId() {
            return UrbanArea.streamId(urbanAreaId);
        }
    }
}
