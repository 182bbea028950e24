-- Up Migration
-- Records keep the exact JSON text they were written as (json, not jsonb): jsonb orders an
-- object's keys by length, and code compares stored objects by their JSON text and walks their
-- keys (src/store/postgres-store.ts). Records written before this keep jsonb's key order.
-- The indexes read the documents as jsonb, so queries that should use them say `value::jsonb`.
DROP INDEX waypoint_caseload_students;
DROP INDEX waypoint_student_counselors;
DROP INDEX waypoint_student_school;
DROP INDEX waypoint_family_students;
DROP INDEX waypoint_student_family;
DROP INDEX waypoint_plan_drafted;
DROP INDEX waypoint_plan_reviewed;
DROP INDEX waypoint_profile_role_grade;
DROP INDEX waypoint_code_owner;
ALTER TABLE waypoint_records DROP CONSTRAINT waypoint_records_value_check;
ALTER TABLE waypoint_records ALTER COLUMN value TYPE json USING value::json;
ALTER TABLE waypoint_records ADD CONSTRAINT waypoint_records_value_check CHECK (json_typeof(value) = 'object');

CREATE INDEX waypoint_caseload_students ON waypoint_records USING gin (((value::jsonb) -> 'studentKeys')) WHERE collection = 'caseloads';
CREATE INDEX waypoint_student_counselors ON waypoint_records USING gin (((value::jsonb) -> 'counselorKeys')) WHERE collection = 'student-links';
CREATE INDEX waypoint_student_school ON waypoint_records (((value::jsonb) ->> 'school')) WHERE collection = 'student-links';
CREATE INDEX waypoint_family_students ON waypoint_records USING gin (((value::jsonb) -> 'studentKeys')) WHERE collection = 'family-links';
CREATE INDEX waypoint_student_family ON waypoint_records USING gin (((value::jsonb) -> 'familyKeys')) WHERE collection = 'student-links';
CREATE INDEX waypoint_plan_drafted ON waypoint_records (((value::jsonb) #>> '{versions,0,at}')) WHERE collection = 'plans';
CREATE INDEX waypoint_plan_reviewed ON waypoint_records (((value::jsonb) #>> '{reviews,-1,at}')) WHERE collection = 'plans';
CREATE INDEX waypoint_profile_role_grade ON waypoint_records (((value::jsonb) ->> 'role'), ((value::jsonb) -> 'grade')) WHERE collection = 'profiles';
CREATE INDEX waypoint_code_owner ON waypoint_records (((value::jsonb) ->> 'ownerKey'), ((value::jsonb) ->> 'expiresAt')) WHERE collection = 'codes';

-- Down Migration
DROP INDEX waypoint_caseload_students;
DROP INDEX waypoint_student_counselors;
DROP INDEX waypoint_student_school;
DROP INDEX waypoint_family_students;
DROP INDEX waypoint_student_family;
DROP INDEX waypoint_plan_drafted;
DROP INDEX waypoint_plan_reviewed;
DROP INDEX waypoint_profile_role_grade;
DROP INDEX waypoint_code_owner;
ALTER TABLE waypoint_records DROP CONSTRAINT waypoint_records_value_check;
ALTER TABLE waypoint_records ALTER COLUMN value TYPE jsonb USING value::jsonb;
ALTER TABLE waypoint_records ADD CONSTRAINT waypoint_records_value_check CHECK (jsonb_typeof(value) = 'object');
CREATE INDEX waypoint_caseload_students ON waypoint_records USING gin ((value -> 'studentKeys')) WHERE collection = 'caseloads';
CREATE INDEX waypoint_student_counselors ON waypoint_records USING gin ((value -> 'counselorKeys')) WHERE collection = 'student-links';
CREATE INDEX waypoint_student_school ON waypoint_records ((value ->> 'school')) WHERE collection = 'student-links';
CREATE INDEX waypoint_family_students ON waypoint_records USING gin ((value -> 'studentKeys')) WHERE collection = 'family-links';
CREATE INDEX waypoint_student_family ON waypoint_records USING gin ((value -> 'familyKeys')) WHERE collection = 'student-links';
CREATE INDEX waypoint_plan_drafted ON waypoint_records ((value #>> '{versions,0,at}')) WHERE collection = 'plans';
CREATE INDEX waypoint_plan_reviewed ON waypoint_records ((value #>> '{reviews,-1,at}')) WHERE collection = 'plans';
CREATE INDEX waypoint_profile_role_grade ON waypoint_records ((value ->> 'role'), (value -> 'grade')) WHERE collection = 'profiles';
CREATE INDEX waypoint_code_owner ON waypoint_records ((value ->> 'ownerKey'), (value ->> 'expiresAt')) WHERE collection = 'codes';
