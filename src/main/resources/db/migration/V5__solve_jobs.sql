-- Solves as jobs of db-scheduler (README, "Several instances"): its table, as its documentation defines it for
-- PostgreSQL (H2 reads BYTEA as BINARY VARYING), and what a solve's run needs so that any instance can take it over.

CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);

-- The instance running the solve (null while it waits for one), a stop asked for through any instance, and the
-- solving time already spent, so that a solve taken over runs for the time it had left.
ALTER TABLE plan_solve ADD COLUMN run_by VARCHAR(200);
ALTER TABLE plan_solve ADD COLUMN stop_requested BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE plan_solve ADD COLUMN spent_seconds DOUBLE PRECISION DEFAULT 0 NOT NULL;

-- The instances alive (each writes its row every few seconds): the solve queue's places are counted across them.
CREATE TABLE fanout_instance (
    name    VARCHAR(200)             NOT NULL PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Plans solved as jobs for the instance that asked (a one-shot solve, a what-if scenario): the plan to solve, and the
-- answer, written by the instance that ran it and read by the one that asked (rows are removed an hour later).
CREATE TABLE solve_job (
    id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    document    TEXT                     NOT NULL,
    seconds     DOUBLE PRECISION         NOT NULL,
    asked_by    VARCHAR(200)             NOT NULL,
    run_by      VARCHAR(200),
    schedule    TEXT,
    failed      BOOLEAN                  DEFAULT FALSE NOT NULL,
    message     VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX solve_job_created_at ON solve_job (created_at);
