-- The roster replica: the competition service's own copy of the membership registry (ARCHITECTURE rule 1: no service
-- reads another's tables), built from membership.events.v1 by the consumer "competition-rosters"
-- (org.giaoban.competition.roster). Only that consumer writes here, each message once (the inbox, processed_message,
-- records its ce_id in the same transaction). Versions from 100 on: the platform's own migrations use those below 100.
--
-- "Recording order" is the Kafka offset of the message that carried a fact. It orders the facts of one urban area or
-- one cluster only: their messages share a partition, because the record key is the urban area or cluster id. A
-- message replayed from the dead-letter topic keeps the offset where it was first read.

-- Clusters by id with their current name (ClusterFormed, ClusterRenamed).
CREATE TABLE roster_replica_cluster (
    cluster_id    VARCHAR(64)  PRIMARY KEY,
    name          TEXT         NOT NULL,
    -- The offset of the event that gave the name: a late (replayed) older rename never overwrites a newer one.
    kafka_offset  BIGINT       NOT NULL
);

-- Urban-area names over time: the registration's name (effective_from null: from the start), then the resulting name
-- of each reorganisation from its effective date. The name on a day is that of the latest row in force that day.
CREATE TABLE roster_replica_urban_area_name (
    event_id        VARCHAR(255) PRIMARY KEY,
    urban_area_id   VARCHAR(64)  NOT NULL,
    effective_from  DATE,
    name            TEXT         NOT NULL,
    kafka_offset    BIGINT       NOT NULL
);
-- The name of one urban area on a day.
CREATE INDEX roster_replica_urban_area_name_on_day ON roster_replica_urban_area_name (urban_area_id, effective_from);

-- Every admission and way out (withdrawal, dissolution) as recorded, by the ce_id of its event. History is never
-- rewritten: a retraction sets the flag, the row stays.
CREATE TABLE roster_replica_membership_record (
    event_id        VARCHAR(255) PRIMARY KEY,
    urban_area_id   VARCHAR(64)  NOT NULL,
    move            VARCHAR(16)  NOT NULL CHECK (move IN ('ADMISSION', 'EXIT')),
    cluster_id      VARCHAR(64),
    effective_from  DATE         NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    retracted       BOOLEAN      NOT NULL DEFAULT FALSE
);
-- "Who was a member of cluster C on day D": the urban areas that ever had a record naming C ...
CREATE INDEX roster_replica_membership_record_by_cluster ON roster_replica_membership_record (cluster_id);
-- ... then the latest record of each of them in force on D.
CREATE INDEX roster_replica_membership_record_on_day
    ON roster_replica_membership_record (urban_area_id, effective_from);

-- Retractions by the ce_id they retract. The flag above is what queries read; this table lets a record that arrives
-- after its retraction (parked, then replayed from the dead-letter topic) be stored as retracted at once.
CREATE TABLE roster_replica_retraction (
    retracted_event_id  VARCHAR(255) PRIMARY KEY,
    urban_area_id       VARCHAR(64)  NOT NULL,
    event_id            VARCHAR(255) NOT NULL
);
