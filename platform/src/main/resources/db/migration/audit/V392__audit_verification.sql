-- Every check of the audit hash chain (issue 10 part 6): the daily job's and the administrator's on-demand ones. The
-- latest row drives the alert shown to administrators on every page until a later check finds the chain intact.
CREATE TABLE audit_verification (
    id               BIGSERIAL    PRIMARY KEY,
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ  NOT NULL,
    trigger          VARCHAR(20)  NOT NULL CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
    actor_name       VARCHAR(100) NOT NULL,
    node             VARCHAR(100) NOT NULL,
    intact           BOOLEAN      NOT NULL,
    entries_checked  BIGINT       NOT NULL,
    first_broken_seq BIGINT,
    reason           VARCHAR(60)
);
