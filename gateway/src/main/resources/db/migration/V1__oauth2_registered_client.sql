-- Spring Authorization Server's table of registered clients (oauth2-registered-client-schema.sql of
-- spring-security-oauth2-authorization-server 1.5), with timestamptz as its notes ask for PostgreSQL, read and written
-- by JdbcRegisteredClientRepository. Secrets are stored encoded ({bcrypt}...), never in clear.
CREATE TABLE oauth2_registered_client (
    id                            varchar(100)  NOT NULL,
    client_id                     varchar(100)  NOT NULL,
    client_id_issued_at           timestamptz   DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret                 varchar(200)  DEFAULT NULL,
    client_secret_expires_at      timestamptz   DEFAULT NULL,
    client_name                   varchar(200)  NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types     varchar(1000) NOT NULL,
    redirect_uris                 varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris     varchar(1000) DEFAULT NULL,
    scopes                        varchar(1000) NOT NULL,
    client_settings               varchar(2000) NOT NULL,
    token_settings                varchar(2000) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT oauth2_registered_client_client_id_key UNIQUE (client_id)
);
