CREATE TABLE organisation (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type           VARCHAR(20)  NOT NULL CHECK (type IN ('PROVINCE', 'CITY', 'ORG', 'COLLEGE')),
    name           VARCHAR(100) NOT NULL,
    code           VARCHAR(40)  NOT NULL UNIQUE,
    province_id    BIGINT REFERENCES organisation (id),
    city_id        BIGINT REFERENCES organisation (id),
    contact_name   VARCHAR(50),
    contact_phone  VARCHAR(20),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    version        INT          NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (type, name)
);
CREATE INDEX organisation_province ON organisation (province_id);
