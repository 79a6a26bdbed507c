-- Exam fee per candidate set by a province for a level (004 ch.3 §9). No row: the default applies
-- (初级 380 元, 中级/高级 360 元), which is code, not data, so a changed default needs no migration.
CREATE TABLE catalog_fee_standard (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    province_id BIGINT      NOT NULL REFERENCES organisation (id),
    level       VARCHAR(20) NOT NULL CHECK (level IN ('JUNIOR', 'INTERMEDIATE', 'SENIOR')),
    amount_fen  BIGINT      NOT NULL CHECK (amount_fen BETWEEN 0 AND 9999999),
    version     INT         NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  VARCHAR(50) NOT NULL,
    CONSTRAINT catalog_fee_standard_one_per_level UNIQUE (province_id, level)
);
