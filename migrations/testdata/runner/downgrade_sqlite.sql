CREATE TABLE IF NOT EXISTS "retort_version" ("version_num" varchar(64) NOT NULL PRIMARY KEY);

CREATE TABLE IF NOT EXISTS "retort_version_log" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT,
  "revision" varchar(64) NOT NULL,
  "direction" varchar(8) NOT NULL,
  "path" varchar(1024) NOT NULL DEFAULT '',
  "checksum" varchar(64) NOT NULL DEFAULT '',
  "started_at" text NULL,
  "finished_at" text NULL,
  "statements_total" integer NOT NULL DEFAULT 0,
  "statements_run" integer NOT NULL DEFAULT 0,
  "running_statement" integer NOT NULL DEFAULT 0,
  "status" varchar(16) NOT NULL,
  "failed_statement" integer NULL,
  "failed_line" integer NULL,
  "error" text NULL,
  "ran_hash" varchar(64) NOT NULL DEFAULT '',
  "parents" varchar(1024) NOT NULL DEFAULT ''
);

-- A log created before retort recorded parents needs, once: ALTER TABLE "retort_version_log" ADD COLUMN "parents" varchar(1024) NOT NULL DEFAULT ''

-- Running downgrade r4 -> r3a, r3b, merge

BEGIN;

DELETE FROM marks WHERE rev = 'r4';

DELETE FROM "retort_version" WHERE "version_num" = 'r4';

INSERT INTO "retort_version" ("version_num") VALUES ('r3a');

INSERT INTO "retort_version" ("version_num") VALUES ('r3b');

INSERT INTO "retort_version_log" ("revision", "direction", "path", "checksum", "started_at", "finished_at", "statements_total", "statements_run", "status", "ran_hash", "parents") VALUES ('r4', 'down', 'versions/r4_merge.sql', '21d663654e82038e3572eaac1ec958e85f9e4dcbcc4fb711436ac96c005d5c2c', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 1, 'ok', 'a2b15098e80cca5aff9e04aaecc7e6b33629dd4d9ad39867eca1a1cf0d889070', 'r3a,r3b');

COMMIT;

-- Running downgrade r3b -> r2, branch b

BEGIN;

DELETE FROM marks WHERE rev = 'r3b';

DROP TABLE t3b;

DELETE FROM "retort_version" WHERE "version_num" = 'r3b';

INSERT INTO "retort_version_log" ("revision", "direction", "path", "checksum", "started_at", "finished_at", "statements_total", "statements_run", "status", "ran_hash", "parents") VALUES ('r3b', 'down', 'versions/r3b_branch_b.sql', '9107649c617c021a7db750a1854a72da1e72ac023b592729e98602aaf5320fbf', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2, 2, 'ok', '7d5c0400e6a989f34952a549d90d9687dab5694cb302100af07f2ff28e56289b', 'r2');

COMMIT;

