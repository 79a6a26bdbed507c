-- The plaintext columns go; uniqueness and lookups move onto the blind index (V393, V394).
ALTER TABLE candidate
    DROP CONSTRAINT candidate_identity,
    DROP COLUMN id_number,
    DROP COLUMN phone,
    ALTER COLUMN id_number_enc SET NOT NULL,
    ALTER COLUMN id_number_index SET NOT NULL,
    ALTER COLUMN id_number_masked SET NOT NULL,
    ALTER COLUMN phone_enc SET NOT NULL,
    ALTER COLUMN phone_masked SET NOT NULL,
    ADD CONSTRAINT candidate_identity UNIQUE (id_type, id_number_index);
CREATE INDEX candidate_id_number ON candidate (id_number_index);

ALTER TABLE registration_record
    DROP COLUMN id_number,
    DROP COLUMN phone,
    ALTER COLUMN id_number_enc SET NOT NULL,
    ALTER COLUMN id_number_index SET NOT NULL,
    ALTER COLUMN id_number_masked SET NOT NULL,
    ALTER COLUMN phone_enc SET NOT NULL,
    ALTER COLUMN phone_masked SET NOT NULL;

ALTER TABLE staff_member
    DROP CONSTRAINT staff_member_id_per_college,
    DROP COLUMN id_number,
    DROP COLUMN phone,
    ALTER COLUMN id_number_enc SET NOT NULL,
    ALTER COLUMN id_number_index SET NOT NULL,
    ALTER COLUMN id_number_masked SET NOT NULL,
    ALTER COLUMN phone_enc SET NOT NULL,
    ALTER COLUMN phone_masked SET NOT NULL,
    ADD CONSTRAINT staff_member_id_per_college UNIQUE (college_id, id_number_index);

ALTER TABLE staff_relative
    DROP CONSTRAINT staff_relative_once,
    DROP COLUMN id_number,
    ALTER COLUMN id_number_enc SET NOT NULL,
    ALTER COLUMN id_number_index SET NOT NULL,
    ALTER COLUMN id_number_masked SET NOT NULL,
    ADD CONSTRAINT staff_relative_once UNIQUE (staff_id, id_number_index);
CREATE INDEX staff_relative_id_number ON staff_relative (id_number_index);
