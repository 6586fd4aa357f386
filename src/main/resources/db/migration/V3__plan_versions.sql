-- Versions of a plan (CONTRACT §6): every document a plan has had, numbered from 1, and the schedule each ended with.
-- plan.document stays the current version's; plan.version is its number, the precondition of every update.
ALTER TABLE plan ADD COLUMN version INTEGER DEFAULT 1 NOT NULL;

CREATE TABLE plan_version (
    plan_id     VARCHAR(64)              NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    number      INTEGER                  NOT NULL,
    document    TEXT                     NOT NULL,
    change      TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16),
    schedule    TEXT,
    makespan    DOUBLE PRECISION,
    lower_bound DOUBLE PRECISION,
    optimal     BOOLEAN,
    PRIMARY KEY (plan_id, number)
);

INSERT INTO plan_version (plan_id, number, document, created_at)
SELECT id, 1, document, created_at FROM plan;
