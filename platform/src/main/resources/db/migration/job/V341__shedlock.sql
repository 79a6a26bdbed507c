-- ShedLock: a scheduled task (@Scheduled + @SchedulerLock) runs on one node at a time. A node takes the row of
-- its task name until lock_until; times are the database's (usingDbTime), so node clocks may differ.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
