-- Up Migration
-- Waypoint's PostgreSQL store (src/store/postgres-store.ts): the same Store port as the lowdb folder.

-- Records: named collections of JSON documents keyed by id (one lowdb file each).
CREATE TABLE waypoint_records (
  collection text NOT NULL,
  id text NOT NULL,
  value jsonb NOT NULL CHECK (jsonb_typeof(value) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);

-- What the facts index (src/store/facts-log.ts) answers today, as indexes on the documents.
-- Caseloads: the counselors a student is on (caseloads.studentKeys) and a counselor's students at a
-- school (student-links.counselorKeys, student-links.school).
CREATE INDEX waypoint_caseload_students ON waypoint_records USING gin ((value -> 'studentKeys')) WHERE collection = 'caseloads';
CREATE INDEX waypoint_student_counselors ON waypoint_records USING gin ((value -> 'counselorKeys')) WHERE collection = 'student-links';
CREATE INDEX waypoint_student_school ON waypoint_records ((value ->> 'school')) WHERE collection = 'student-links';
-- Links: a family member's students and a student's family.
CREATE INDEX waypoint_family_students ON waypoint_records USING gin ((value -> 'studentKeys')) WHERE collection = 'family-links';
CREATE INDEX waypoint_student_family ON waypoint_records USING gin ((value -> 'familyKeys')) WHERE collection = 'student-links';
-- Due reviews: when each plan was drafted and last reviewed, and who is a student in which grade.
CREATE INDEX waypoint_plan_drafted ON waypoint_records ((value #>> '{versions,0,at}')) WHERE collection = 'plans';
CREATE INDEX waypoint_plan_reviewed ON waypoint_records ((value #>> '{reviews,-1,at}')) WHERE collection = 'plans';
CREATE INDEX waypoint_profile_role_grade ON waypoint_records ((value ->> 'role'), (value -> 'grade')) WHERE collection = 'profiles';
-- Codes: a person's codes (family invites, class codes) and when they expire. A code itself is the
-- record id, so looking one up is the primary key.
CREATE INDEX waypoint_code_owner ON waypoint_records ((value ->> 'ownerKey'), (value ->> 'expiresAt')) WHERE collection = 'codes';

-- Append-only logs. A line is live (segment NULL) until its log is sealed: then it belongs to that
-- segment. Appends to one stream take a transaction lock, so `seq` order is commit order and a
-- reader always sees a prefix of the live log.
CREATE TABLE waypoint_log_lines (
  seq bigserial PRIMARY KEY,
  stream text NOT NULL,
  segment text,
  line jsonb NOT NULL CHECK (jsonb_typeof(line) = 'object')
);
CREATE INDEX waypoint_log_live ON waypoint_log_lines (stream, seq) WHERE segment IS NULL;
CREATE INDEX waypoint_log_sealed ON waypoint_log_lines (stream, segment, seq) WHERE segment IS NOT NULL;
-- Segment names: <stream>.log.<13 digits from this sequence>.compacting, so names sort oldest first.
CREATE SEQUENCE waypoint_log_segments;

-- One snapshot per stream. Text, not jsonb: it is read whole, never queried, and may be larger than
-- jsonb allows (256 MB). `version` changes on every write.
CREATE TABLE waypoint_log_snapshots (
  stream text PRIMARY KEY,
  version bigint NOT NULL,
  value text NOT NULL
);
CREATE SEQUENCE waypoint_snapshot_versions;

-- Down Migration
DROP TABLE waypoint_log_snapshots;
DROP SEQUENCE waypoint_snapshot_versions;
DROP TABLE waypoint_log_lines;
DROP SEQUENCE waypoint_log_segments;
DROP TABLE waypoint_records;
