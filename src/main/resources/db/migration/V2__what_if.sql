-- The last what-if comparison of each plan, as the JSON the API returned.
CREATE TABLE plan_what_if (
    plan_id    VARCHAR(64)              NOT NULL PRIMARY KEY REFERENCES plan (id) ON DELETE CASCADE,
    result     TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
