-- The keys of open SECRET motions (rule 2, crypto-shredding). A SECRET ballot is stored in the event store sealed
-- under its motion's key (AES-256-GCM, SecretBallotCast); the key lives only here, outside the event store. The row is
-- made in the transaction of the motion's first secret ballot and deleted in the transaction that records the motion's
-- tally (MotionDecided) or its withdrawal: after that, nothing can open the motion's ballots, and the round and its read
-- models rebuild from the recorded tally alone. Not a read model: no projection writes or resets it, and a row exists
-- only while its motion is open.
CREATE TABLE ballot_key (
    round_id    VARCHAR(64)  NOT NULL,
    motion_id   VARCHAR(64)  NOT NULL,
    secret_key  BYTEA        NOT NULL CHECK (octet_length(secret_key) = 32),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, motion_id)
);

-- Snapshots of Round revision 1 held each participant's vote of an open motion in the clear, SECRET rounds included.
-- Revision 2 keeps them sealed; Axon ignores snapshots of another revision, so these are dead weight that would only
-- keep votes readable: remove them (rounds are rebuilt from their events and snapshotted again).
DELETE FROM snapshot_event_entry
WHERE payload_type = 'org.giaoban.competition.round.Round' AND payload_revision = '1';
