-- Results back from the sites (DOMAIN.md §10, issue 6): a result package arrives in chunks (resumable, idempotent),
-- is reassembled, verified (site signature, hash chain, no replay) and taken in per candidate.
CREATE TABLE result_upload (
    id              varchar(64)  PRIMARY KEY,
    site_id         bigint       NOT NULL,
    manifest        bytea        NOT NULL,
    chunks          int          NOT NULL,
    status          varchar(10)  NOT NULL CHECK (status IN ('RECEIVING', 'ACCEPTED', 'REJECTED')),
    reason          text,
    exam_package_id varchar(40),
    sequence        bigint,
    created_at      timestamptz  NOT NULL,
    completed_at    timestamptz
);

CREATE TABLE result_chunk (
    result_id  varchar(64) NOT NULL REFERENCES result_upload (id),
    idx        int         NOT NULL,
    data       bytea       NOT NULL,
    PRIMARY KEY (result_id, idx)
);

-- The latest accepted result of each candidate of a package (a later sequence replaces an earlier one).
CREATE TABLE result_candidate (
    exam_package_id varchar(40)  NOT NULL,
    ticket_number   varchar(30)  NOT NULL,
    result_id       varchar(64)  NOT NULL,
    objective_score numeric(7, 2) NOT NULL,
    answered        int          NOT NULL,
    receipt         varchar(100) NOT NULL,
    signed_in_at    timestamptz,
    submitted_at    timestamptz,
    PRIMARY KEY (exam_package_id, ticket_number)
);
