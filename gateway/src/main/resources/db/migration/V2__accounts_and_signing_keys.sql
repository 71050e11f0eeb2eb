-- What a client may do: its role and scope, put into its tokens as the claims roles, clusters and urban_area.
CREATE TABLE account (
    client_id         varchar(100) PRIMARY KEY REFERENCES oauth2_registered_client (client_id) ON DELETE CASCADE,
    role              varchar(20)  NOT NULL CHECK (role IN ('OPERATOR', 'COORDINATOR', 'DELEGATE', 'EDITOR', 'ANALYST')),
    clusters          text[]       NOT NULL DEFAULT '{}',
    urban_area_id     varchar(100),
    created_at        timestamptz  NOT NULL,
    created_by        varchar(100) NOT NULL,
    secret_rotated_at timestamptz
);

-- The RSA key pairs that sign tokens (RS256). The newest key signs; a key replaced by a rotation is still published in
-- the JWKS until published_until, so the tokens it signed keep verifying. Kept here so that tokens survive a restart
-- and every gateway instance signs with the same key.
CREATE TABLE signing_key (
    kid             varchar(64)  PRIMARY KEY,
    public_key      bytea        NOT NULL, -- X.509 SubjectPublicKeyInfo (DER)
    private_key     bytea        NOT NULL, -- PKCS#8 (DER)
    created_at      timestamptz  NOT NULL,
    published_until timestamptz             -- null while the key is the active one
);
CREATE INDEX signing_key_created_at ON signing_key (created_at DESC);
