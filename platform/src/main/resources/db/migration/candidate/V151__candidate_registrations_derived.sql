-- How many plans a candidate is registered for is now read from the registration records (through
-- candidate.RegistrationCounts) instead of a counter every registration had to update.
ALTER TABLE candidate DROP COLUMN registrations;
