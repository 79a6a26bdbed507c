-- The public portal looks a candidate up by ticket number (issue 8): without this index every lookup scans all
-- registration records (millions in a national year).
CREATE INDEX registration_record_ticket ON registration_record (ticket_number) WHERE ticket_number IS NOT NULL;
