-- Scale-out (issue 9): which node claimed a job, and how often it was claimed. A job whose node died is queued again
-- (its transaction was rolled back, so nothing of it was written) until it has been claimed three times.
ALTER TABLE job ADD COLUMN attempts int NOT NULL DEFAULT 0;
ALTER TABLE job ADD COLUMN claimed_by varchar(120);
