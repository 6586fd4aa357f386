-- Who a plan belongs to: the owner of the API key that stored it (README, "Security"). NULL for plans stored
-- without keys configured, which only a service without keys shows. Listing filters on it, hence the index.
ALTER TABLE plan ADD COLUMN owner VARCHAR(200);

CREATE INDEX plan_owner ON plan (owner);
