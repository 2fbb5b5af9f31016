-- Quartz's row locks exist before any batch-worker starts. Without them, two nodes starting at the same time on a
-- fresh database both insert TRIGGER_ACCESS on their first lock; one gets a duplicate key, its transaction is
-- aborted and the node fails to start (seen with `docker compose up`, scripts/containers-check.sh). The scheduler
-- name is quarkus.quartz.instance-name of batch-worker.
INSERT INTO qrtz_locks (sched_name, lock_name)
VALUES ('kurashi-batch', 'TRIGGER_ACCESS'),
       ('kurashi-batch', 'STATE_ACCESS')
ON CONFLICT DO NOTHING;
