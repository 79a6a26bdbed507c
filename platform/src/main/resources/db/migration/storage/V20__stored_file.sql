-- Metadata of uploaded and generated files; the bytes live in the configured BlobStore.
-- (Version 20: V5..V19 are reserved for the catalog module's first migrations.)
CREATE TABLE stored_file (
    id              UUID         PRIMARY KEY,
    category        VARCHAR(40)  NOT NULL,
    original_name   VARCHAR(200) NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sm3             CHAR(64)     NOT NULL,
    organisation_id BIGINT,
    created_by      BIGINT,
    created_at      TIMESTAMPTZ  NOT NULL
);
