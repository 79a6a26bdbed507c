-- 证书 (issue 8 parts 1-3; DOMAIN.md §13, 004 ch.5): the college principal's signature stamp (签章) with the accepted
-- authorisation agreement, the principal's delegation of sign-off, the issuance list (证书发放名单) of a plan with the
-- two confirmations (college approver and ORG), refusals, and the certificate number given once both confirmed.

-- The accepted authorisation agreement, one row per acceptance (who, when, which version of the text).
CREATE TABLE certificate_stamp_agreement (
    id                bigserial PRIMARY KEY,
    college_id        bigint      NOT NULL REFERENCES organisation (id),
    account_id        bigint      NOT NULL REFERENCES account (id),
    agreement_version text        NOT NULL,
    accepted_at       timestamptz NOT NULL
);
CREATE INDEX certificate_stamp_agreement_college ON certificate_stamp_agreement (college_id);

-- One stamp per college (replace overwrites the file reference; delete removes the row).
CREATE TABLE certificate_stamp (
    college_id   bigint      PRIMARY KEY REFERENCES organisation (id),
    file_id      uuid        NOT NULL REFERENCES stored_file (id),
    width        int         NOT NULL CHECK (width BETWEEN 80 AND 200),
    height       int         NOT NULL CHECK (height = width),
    agreement_id bigint      NOT NULL REFERENCES certificate_stamp_agreement (id),
    uploaded_by  bigint      NOT NULL REFERENCES account (id),
    uploaded_at  timestamptz NOT NULL
);

-- The principal's delegates for sign-off (the principal may name itself).
CREATE TABLE certificate_approver (
    college_id   bigint      NOT NULL REFERENCES organisation (id),
    account_id   bigint      NOT NULL REFERENCES account (id),
    delegated_by bigint      NOT NULL REFERENCES account (id),
    delegated_at timestamptz NOT NULL,
    PRIMARY KEY (college_id, account_id)
);

-- The issuance list: one row per plan, candidate and level (passers only).
CREATE TABLE certificate_issue (
    id                 bigserial PRIMARY KEY,
    plan_id            bigint      NOT NULL REFERENCES exam_plan (id),
    organisation_id    bigint      NOT NULL,
    candidate_id       bigint      NOT NULL REFERENCES candidate (id),
    level_id           bigint      NOT NULL REFERENCES catalog_level (id),
    level_code         text        NOT NULL,
    level_display_name text        NOT NULL,
    college_id         bigint      NOT NULL,
    college_name       text        NOT NULL,
    name               text        NOT NULL,
    id_number_masked   text        NOT NULL,
    year               int         NOT NULL,
    status             text        NOT NULL CHECK (status IN ('PENDING', 'REFUSED', 'FINAL')),
    college_confirmed_at timestamptz,
    college_confirmed_by bigint REFERENCES account (id),
    org_confirmed_at   timestamptz,
    org_confirmed_by   bigint REFERENCES account (id),
    refusal_reason     text,
    refused_at         timestamptz,
    refused_by         bigint REFERENCES account (id),
    certificate_number text UNIQUE,
    created_at         timestamptz NOT NULL,
    version            int         NOT NULL DEFAULT 0,
    CONSTRAINT certificate_issue_once UNIQUE (plan_id, candidate_id, level_id),
    CONSTRAINT certificate_issue_final CHECK ((status = 'FINAL') = (college_confirmed_at IS NOT NULL AND org_confirmed_at IS NOT NULL)),
    CONSTRAINT certificate_issue_refused CHECK (status <> 'REFUSED' OR refusal_reason IS NOT NULL)
);
CREATE INDEX certificate_issue_college ON certificate_issue (college_id, plan_id);

-- Per certificate code and year, the last sequence number given.
CREATE TABLE certificate_number_sequence (
    level_code text NOT NULL,
    year       int  NOT NULL,
    last_value int  NOT NULL,
    PRIMARY KEY (level_code, year)
);

-- Every signature (re-entered password) with who, when, which side and which rows.
CREATE TABLE certificate_signature (
    id          bigserial PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES account (id),
    side        text        NOT NULL CHECK (side IN ('COLLEGE', 'ORG')),
    action      text        NOT NULL CHECK (action IN ('CONFIRM', 'REFUSE')),
    issue_ids   bigint[]    NOT NULL,
    signed_at   timestamptz NOT NULL
);

-- A row confirmed by both is final: the only change left is setting its certificate number, once; never deleted.
CREATE FUNCTION certificate_issue_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'FINAL' THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'certificate_issue % is final (已确认，不可撤销)', OLD.id USING ERRCODE = 'raise_exception';
        END IF;
        IF OLD.certificate_number IS NULL AND NEW.certificate_number IS NOT NULL
           AND (to_jsonb(NEW) - 'certificate_number' - 'version') = (to_jsonb(OLD) - 'certificate_number' - 'version') THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'certificate_issue % is final (已确认，不可撤销)', OLD.id USING ERRCODE = 'raise_exception';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER certificate_issue_guard BEFORE UPDATE OR DELETE ON certificate_issue
    FOR EACH ROW EXECUTE FUNCTION certificate_issue_guard();

CREATE FUNCTION certificate_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'raise_exception';
END $$;

CREATE TRIGGER certificate_signature_append_only BEFORE UPDATE OR DELETE ON certificate_signature
    FOR EACH ROW EXECUTE FUNCTION certificate_append_only();
CREATE TRIGGER certificate_stamp_agreement_append_only BEFORE UPDATE OR DELETE ON certificate_stamp_agreement
    FOR EACH ROW EXECUTE FUNCTION certificate_append_only();
