-- Clients whose earlier tokens are void: an account deleted or given a new secret. Tokens of `subject` issued before
-- `revoked_before` are refused by the gateway and, through the list it publishes at /oauth2/revocations (subjects as
-- SHA-256 only), by every service. A row is kept until every token it voids has expired (`expires_at`: revoked_before
-- plus the token lifetime and the clock skew), then deleted. No foreign key: a deleted account's row must stay.
CREATE TABLE revoked_subject (
    subject        varchar(100) PRIMARY KEY,
    revoked_before timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL
);
