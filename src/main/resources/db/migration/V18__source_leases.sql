-- Hashtag sources leased to one instance of a cluster at a time: it polls or streams the source while its lease runs,
-- renews it at each tick, and another instance takes it once it runs out. The epoch grows at each take-over and fences
-- what an instance that lost the lease (paused, cut off) still tries to store.

ALTER TABLE ingest_source
    ADD COLUMN leased_by   VARCHAR(100) NULL,
    ADD COLUMN lease_until DATETIME(3)  NULL,
    ADD COLUMN lease_epoch BIGINT       NOT NULL DEFAULT 0;
