-- Plans as submitted (the normalized JSON document) and the latest solve of each.
-- Portable between H2 and PostgreSQL: TEXT is a CLOB alias in H2 and unbounded text in PostgreSQL.

CREATE TABLE plan (
    id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    name        VARCHAR(1000)            NOT NULL,
    document    TEXT                     NOT NULL,
    task_count  INTEGER                  NOT NULL,
    agent_count INTEGER                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX plan_created_at ON plan (created_at);

CREATE TABLE plan_solve (
    plan_id           VARCHAR(64)              NOT NULL PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
    status            VARCHAR(16)              NOT NULL,
    makespan          DOUBLE PRECISION,
    lower_bound       DOUBLE PRECISION,
    optimal           BOOLEAN,
    schedule          TEXT,
    requested_seconds DOUBLE PRECISION,
    message           VARCHAR(2000),
    started_at        TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
