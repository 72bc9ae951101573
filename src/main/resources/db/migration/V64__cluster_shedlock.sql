-- One node at a time runs each scheduled job (ShedLock 7.9, ADR 0018): a row per job name, taken by a node while
-- lock_until lies ahead of the database's clock (the lock provider compares with the database's time, never a
-- node's). A node that dies while running a job leaves its row behind; the job is free again once lock_until has
-- passed (the job's lockAtMostFor after it was taken). lock_until and locked_at are UTC.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP NOT NULL,
    locked_at TIMESTAMP NOT NULL,
    locked_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
