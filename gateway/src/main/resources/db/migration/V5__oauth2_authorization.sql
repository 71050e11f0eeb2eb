-- Spring Authorization Server's record of authorizations (oauth2-authorization-schema.sql of
-- spring-security-oauth2-authorization-server 1.5, with text for blob and timestamptz for timestamp as its notes ask for
-- PostgreSQL), read and written by JdbcOAuth2AuthorizationService: the console's authorization codes, refresh tokens and
-- ID tokens of people. Machine clients' client_credentials tokens are never recorded here.
CREATE TABLE oauth2_authorization (
    id                            varchar(100)  NOT NULL,
    registered_client_id          varchar(100)  NOT NULL,
    principal_name                varchar(200)  NOT NULL,
    authorization_grant_type      varchar(100)  NOT NULL,
    authorized_scopes             varchar(1000) DEFAULT NULL,
    attributes                    text          DEFAULT NULL,
    state                         varchar(500)  DEFAULT NULL,
    authorization_code_value      text          DEFAULT NULL,
    authorization_code_issued_at  timestamptz   DEFAULT NULL,
    authorization_code_expires_at timestamptz   DEFAULT NULL,
    authorization_code_metadata   text          DEFAULT NULL,
    access_token_value            text          DEFAULT NULL,
    access_token_issued_at        timestamptz   DEFAULT NULL,
    access_token_expires_at       timestamptz   DEFAULT NULL,
    access_token_metadata         text          DEFAULT NULL,
    access_token_type             varchar(100)  DEFAULT NULL,
    access_token_scopes           varchar(1000) DEFAULT NULL,
    oidc_id_token_value           text          DEFAULT NULL,
    oidc_id_token_issued_at       timestamptz   DEFAULT NULL,
    oidc_id_token_expires_at      timestamptz   DEFAULT NULL,
    oidc_id_token_metadata        text          DEFAULT NULL,
    refresh_token_value           text          DEFAULT NULL,
    refresh_token_issued_at       timestamptz   DEFAULT NULL,
    refresh_token_expires_at      timestamptz   DEFAULT NULL,
    refresh_token_metadata        text          DEFAULT NULL,
    user_code_value               text          DEFAULT NULL,
    user_code_issued_at           timestamptz   DEFAULT NULL,
    user_code_expires_at          timestamptz   DEFAULT NULL,
    user_code_metadata            text          DEFAULT NULL,
    device_code_value             text          DEFAULT NULL,
    device_code_issued_at         timestamptz   DEFAULT NULL,
    device_code_expires_at        timestamptz   DEFAULT NULL,
    device_code_metadata          text          DEFAULT NULL,
    PRIMARY KEY (id)
);
-- The service looks authorizations up by the exact value of a code or token (a JWT is too long for a btree entry to be
-- safe: hash indexes, equality only), and the gateway removes a person's when they are disabled, reset or deleted.
CREATE INDEX oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_id_token ON oauth2_authorization USING hash (oidc_id_token_value);
CREATE INDEX oauth2_authorization_principal ON oauth2_authorization (principal_name);
