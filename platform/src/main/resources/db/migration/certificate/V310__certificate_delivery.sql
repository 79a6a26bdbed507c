-- 发证方式 (004 ch.5 四): per plan and college the ORG issues the certificates electronically (signed PDF with the
-- e-seal) or on paper (print template without seals, stamped by hand and mailed). No row means electronic.
CREATE TABLE certificate_delivery (
    plan_id    bigint      NOT NULL REFERENCES exam_plan (id),
    college_id bigint      NOT NULL REFERENCES organisation (id),
    mode       text        NOT NULL CHECK (mode IN ('ELECTRONIC', 'PAPER')),
    changed_by bigint      NOT NULL REFERENCES account (id),
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (plan_id, college_id)
);
