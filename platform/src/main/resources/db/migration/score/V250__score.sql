-- Scores (成绩登记, 004 ch.3 §8; DOMAIN.md §12). One row per registration record (a candidate's subject in a plan),
-- either a score (0–100, one decimal) or 缺考. Who, plan subject, college, name, masked ID and ticket are copied in
-- from the registration record so lists and scope filters read one table (as registration_record copies the plan).
CREATE TABLE score_record (
    id                     bigserial PRIMARY KEY,
    registration_record_id bigint       NOT NULL UNIQUE REFERENCES registration_record (id),
    plan_id                bigint       NOT NULL,
    plan_subject_id        bigint       NOT NULL,
    level_id               bigint       NOT NULL,
    candidate_id           bigint       NOT NULL,
    college_id             bigint       NOT NULL,
    college_name           varchar(100) NOT NULL,
    name                   varchar(50)  NOT NULL,
    id_number_masked       varchar(30)  NOT NULL,
    ticket_number          varchar(30),
    score                  numeric(4, 1) CHECK (score >= 0 AND score <= 100),
    absent                 boolean      NOT NULL,
    note                   varchar(200),
    -- RESULTS (从考试结果登记), IMPORT (xlsx job), CORRECTION (ORG during publication)
    source                 varchar(20)  NOT NULL CHECK (source IN ('RESULTS', 'IMPORT', 'CORRECTION')),
    version                int          NOT NULL,
    locked                 boolean      NOT NULL DEFAULT false,
    updated_at             timestamptz  NOT NULL,
    updated_by             bigint,
    CHECK ((absent AND score IS NULL) OR (NOT absent AND score IS NOT NULL))
);

CREATE INDEX score_record_plan ON score_record (plan_id, plan_subject_id);
CREATE INDEX score_record_college ON score_record (college_id, plan_id);

-- Every change of a score keeps the value before and after (part 7, the candidate's case file, reads it).
-- Append-only: the trigger below refuses UPDATE and DELETE.
CREATE TABLE score_history (
    id              bigserial PRIMARY KEY,
    score_record_id bigint       NOT NULL REFERENCES score_record (id),
    version         int          NOT NULL,
    score_before    numeric(4, 1),
    absent_before   boolean,
    score_after     numeric(4, 1),
    absent_after    boolean      NOT NULL,
    source          varchar(20)  NOT NULL,
    reason          varchar(500),
    changed_by      bigint,
    changed_by_name varchar(100) NOT NULL,
    changed_at      timestamptz  NOT NULL,
    UNIQUE (score_record_id, version)
);

-- A plan whose publication ended (by the platform's clock, which the application passes in: the database's now()
-- is never used) is entered here once, by the lock sweep; it is never removed.
CREATE TABLE score_plan_lock (
    plan_id   bigint PRIMARY KEY,
    locked_at timestamptz NOT NULL
);

-- The database refuses too: a locked row changes no more (not even back to unlocked) and is never deleted; no
-- row is added to a locked plan; a plan lock is never removed.
CREATE FUNCTION score_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.locked OR EXISTS (SELECT 1 FROM score_plan_lock WHERE plan_id = NEW.plan_id) THEN
            RAISE EXCEPTION 'scores of plan % are locked (成绩已锁定)', NEW.plan_id USING ERRCODE = 'raise_exception';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.locked THEN
        RAISE EXCEPTION 'score_record % is locked (成绩已锁定)', OLD.id USING ERRCODE = 'raise_exception';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER score_record_guard BEFORE INSERT OR UPDATE OR DELETE ON score_record
    FOR EACH ROW EXECUTE FUNCTION score_record_guard();

CREATE FUNCTION score_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'raise_exception';
END $$;

CREATE TRIGGER score_history_append_only BEFORE UPDATE OR DELETE ON score_history
    FOR EACH ROW EXECUTE FUNCTION score_append_only();

CREATE TRIGGER score_plan_lock_append_only BEFORE UPDATE OR DELETE ON score_plan_lock
    FOR EACH ROW EXECUTE FUNCTION score_append_only();
