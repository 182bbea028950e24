-- Up Migration
-- A log snapshot written in chunks (the facts index writes one per 10,000 records), one row per
-- chunk, so a reader parses it a chunk at a time instead of as one giant value. The row in
-- waypoint_log_snapshots stays the snapshot's head: its version, and its value only when an older
-- version wrote it whole (NULL when it is in chunks). A new version's chunks are written first,
-- then the head is switched and the old chunks deleted in one transaction.
ALTER TABLE waypoint_log_snapshots ALTER COLUMN value DROP NOT NULL;
CREATE TABLE waypoint_log_snapshot_chunks (
  stream text NOT NULL,
  version bigint NOT NULL,
  n integer NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (stream, version, n)
);

-- Down Migration
DROP TABLE waypoint_log_snapshot_chunks;
DELETE FROM waypoint_log_snapshots WHERE value IS NULL;
ALTER TABLE waypoint_log_snapshots ALTER COLUMN value SET NOT NULL;
