-- Passkeys (WebAuthn) of backoffice accounts, ADR 0027. The tables of Spring Security's JDBC repositories
-- (JdbcPublicKeyCredentialUserEntityRepository, JdbcUserCredentialRepository), adapted from the DDL shipped in
-- spring-security-web (user-entities-schema.sql, user-credentials-schema-postgres.sql) so that one migration runs on
-- H2 (PostgreSQL mode, where bytea is a binary string) and PostgreSQL. Changes: a user entity's name is an account's
-- e-mail address (up to 254 characters, unique); a credential belongs to its user entity (deleted with it) and is
-- found by it through an index; the label is at most 100 characters (the page's field says so).

create table user_entities
(
    id           varchar(1000) not null,
    name         varchar(254)  not null,
    display_name varchar(200),
    primary key (id),
    constraint user_entities_name_unique unique (name)
);

create table user_credentials
(
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(100)  not null,
    primary key (credential_id),
    constraint user_credentials_user_entity_fk foreign key (user_entity_user_id) references user_entities (id)
        on delete cascade
);

create index user_credentials_user_entity_idx on user_credentials (user_entity_user_id);
