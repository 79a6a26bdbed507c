-- Personal data at rest (issue 10 part 3, docs/privacy.md): ID and phone numbers sealed (SM4-GCM, kernel.PersonalData)
-- with a keyed blind index (HMAC-SM3) for exact lookups and a masked copy for lists. V394 (a Java migration,
-- cn.kaowu.platform.infra.V394__SealPersonalData) fills them from the plaintext columns, V395 drops those.
ALTER TABLE candidate
    ADD COLUMN id_number_enc    bytea,
    ADD COLUMN id_number_index  bytea,
    ADD COLUMN id_number_masked varchar(30),
    ADD COLUMN phone_enc        bytea,
    ADD COLUMN phone_masked     varchar(11);

ALTER TABLE registration_record
    ADD COLUMN id_number_enc    bytea,
    ADD COLUMN id_number_index  bytea,
    ADD COLUMN id_number_masked varchar(30),
    ADD COLUMN phone_enc        bytea,
    ADD COLUMN phone_masked     varchar(11);

ALTER TABLE staff_member
    ADD COLUMN id_number_enc    bytea,
    ADD COLUMN id_number_index  bytea,
    ADD COLUMN id_number_masked varchar(30),
    ADD COLUMN phone_enc        bytea,
    ADD COLUMN phone_masked     varchar(11);

ALTER TABLE staff_relative
    ADD COLUMN id_number_enc    bytea,
    ADD COLUMN id_number_index  bytea,
    ADD COLUMN id_number_masked varchar(30);
