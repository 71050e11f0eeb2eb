-- Names of clusters and urban areas, the news service's own copy (no service reads another's tables), kept from
-- membership.events.v1 by the consumer "news-names" (org.giaoban.news.drafting): for links and tags by name on the
-- public pages. Only that consumer writes here, each message once (the inbox records its ce_id in the same
-- transaction). Drafts from round outcomes need no table: the conclusion carries every name, and the article id
-- (round-<roundId>) makes the draft unique.
--
-- kafka_offset is the offset where the message that gave the name was first read. It orders the changes of one
-- cluster or one urban area (their messages share a partition: the record key is the id), so that a message replayed
-- late from the dead-letter topic never overwrites a newer name.

-- A cluster's name as of its latest change (ClusterFormed, ClusterRenamed).
CREATE TABLE news_cluster_name (
    id            VARCHAR(64) PRIMARY KEY,
    name          TEXT        NOT NULL,
    kafka_offset  BIGINT
);

-- An urban area's name as of its latest change: the registration's (named_from null: from the start), or the
-- resulting name of the reorganisation with the latest effective date. A reorganisation recorded late with an earlier
-- effective date does not replace a later one; one recorded ahead (future-dated) gives its name as soon as it is
-- recorded.
CREATE TABLE news_urban_area_name (
    id            VARCHAR(64) PRIMARY KEY,
    name          TEXT        NOT NULL,
    named_from    DATE,
    kafka_offset  BIGINT
);
