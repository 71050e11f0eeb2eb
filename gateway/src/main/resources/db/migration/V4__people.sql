-- People ("người dùng") who sign in at the gateway's sign-in page, beside the machine clients of `account`. A username
-- is a token subject like a client id: the two never share a name (checked by the gateway under an advisory lock, as
-- one table cannot see the other). Passwords are stored only as hashes ({bcrypt}...).
CREATE TABLE person (
    username            varchar(100) PRIMARY KEY,
    display_name        varchar(100) NOT NULL,  -- NFC, 1 to 100 characters
    password_hash       varchar(200) NOT NULL,
    role                varchar(20)  NOT NULL CHECK (role IN ('OPERATOR', 'COORDINATOR', 'DELEGATE', 'EDITOR', 'ANALYST')),
    clusters            text[]       NOT NULL DEFAULT '{}',
    urban_area_id       varchar(100),
    enabled             boolean      NOT NULL DEFAULT true,
    -- Wrong passwords in a row; the one that reaches the limit locks the sign-in until locked_until and starts over.
    failed_attempts     integer      NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    created_at          timestamptz  NOT NULL,
    created_by          varchar(100) NOT NULL,
    password_changed_at timestamptz  NOT NULL,
    -- Sign-in sessions begun before this instant no longer open the authorization endpoint (disabled, password reset).
    sessions_ended_at   timestamptz
);
