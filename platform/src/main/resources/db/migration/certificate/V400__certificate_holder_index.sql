-- 证书查验 in one query (issue 8, bench/run lookup): the holder's ID number blind index (HMAC-SM3, kernel.PersonalData,
-- the same value as registration_record.id_number_index) kept with the certificate row, set when the list is
-- generated. The check compares it with the index of the typed ID number; no second query into the records.
ALTER TABLE certificate_issue ADD COLUMN holder_index bytea;

-- Final rows are immutable (certificate_issue_guard): the guard stands aside for this one backfill of a new column,
-- inside the migration's transaction, and nothing else changes.
ALTER TABLE certificate_issue DISABLE TRIGGER certificate_issue_guard;
UPDATE certificate_issue ci SET holder_index = (
    SELECT rr.id_number_index FROM registration_record rr
    WHERE rr.candidate_id = ci.candidate_id AND rr.plan_id = ci.plan_id
    ORDER BY rr.id LIMIT 1);
ALTER TABLE certificate_issue ENABLE TRIGGER certificate_issue_guard;
