-- An accepted result package is kept whole (as signed by the site) in the file store: the practical-task uploads it
-- carries are graded from it (issue 7) and it is the evidence of what the site sent.
ALTER TABLE result_upload ADD COLUMN file_id uuid;
ALTER TABLE result_candidate ADD COLUMN uploads int NOT NULL DEFAULT 0;
