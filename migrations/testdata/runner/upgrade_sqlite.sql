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

-- Running upgrade <base> -> r1, create marks

BEGIN;

CREATE TABLE marks (rev varchar(64) NOT NULL);

INSERT INTO marks (rev) VALUES ('r1');

CREATE TABLE t1 (id integer PRIMARY KEY);

INSERT INTO "retort_version" ("version_num") VALUES ('r1');

INSERT INTO "retort_version_log" ("revision", "direction", "path", "checksum", "started_at", "finished_at", "statements_total", "statements_run", "status", "ran_hash", "parents") VALUES ('r1', 'up', 'versions/r1_create_marks.sql', 'e41fe001e00071b43ac413383e8204951dbf5273f3c330a28513a494f81a1eef', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 3, 3, 'ok', 'b1f531cd95047515e4fd38ead8fcf33ad7b5dafcd327b3268d149fa851c33cb4', 'base');

COMMIT;

-- Running upgrade r1 -> r2, add t2
-- WARNING: drops column users.email
-- WARNING: locks table users

BEGIN;

CREATE TABLE t2 (id integer PRIMARY KEY);

INSERT INTO marks (rev) VALUES ('r2');

INSERT INTO marks (rev) VALUES ('r2b');

INSERT INTO marks (rev) VALUES ('a;b');

INSERT INTO marks (rev) VALUES ('c') -- trailing comment
;

UPDATE "retort_version" SET "version_num" = 'r2' WHERE "version_num" = 'r1';

INSERT INTO "retort_version_log" ("revision", "direction", "path", "checksum", "started_at", "finished_at", "statements_total", "statements_run", "status", "ran_hash", "parents") VALUES ('r2', 'up', 'versions/r2_add_t2.sql', 'e1c4375590555b530262186d1713dad90d353b9149cb91b134b8ec4df78a52f7', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 5, 5, 'ok', '818a4e104f658feaf79e029808717a3d3e42d53f6fa0bcfa8629612d8c5ead34', 'r1');

COMMIT;

-- Running upgrade r2 -> r3a, branch a

BEGIN;

CREATE TABLE t3a (id integer PRIMARY KEY);

INSERT INTO marks (rev) VALUES ('r3a');

UPDATE "retort_version" SET "version_num" = 'r3a' WHERE "version_num" = 'r2';

INSERT INTO "retort_version_log" ("revision", "direction", "path", "checksum", "started_at", "finished_at", "statements_total", "statements_run", "status", "ran_hash", "parents") VALUES ('r3a', 'up', 'versions/r3a_branch_a.sql', '55b62c77ca169c57b24590db6382a87190ad721144348a65b084569fa1bbb1a6', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2, 2, 'ok', '53a77615bfaf1f21806ca82311e43f2bfbdbdf728a025f1183506416c14fb8fc', 'r2');

COMMIT;

-- Running upgrade r2 -> r3b, branch b

CREATE TABLE t3b (id integer PRIMARY KEY);

INSERT INTO marks (rev) VALUES ('r3b');

INSERT INTO "retort_version" ("version_num") VALUES ('r3b');

INSERT INTO "retort_version_log" ("revision", "direction", "path", "checksum", "started_at", "finished_at", "statements_total", "statements_run", "status", "ran_hash", "parents") VALUES ('r3b', 'up', 'versions/r3b_branch_b.sql', 'c6642f4305ab66bb034eff78b8134d958298a4aa00d6138ed660f8a6cbf36b1b', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2, 2, 'ok', '684a5a9ff8af42c99d2520ac2d5dea23a0ac40ad62dfdbb38644f98a38a2e4e9', 'r2');

-- Running upgrade r3a, r3b -> r4, merge 'quoted'

BEGIN;

INSERT INTO marks (rev) VALUES ('r4');

DELETE FROM "retort_version" WHERE "version_num" = 'r3a';

DELETE FROM "retort_version" WHERE "version_num" = 'r3b';

INSERT INTO "retort_version" ("version_num") VALUES ('r4');

INSERT INTO "retort_version_log" ("revision", "direction", "path", "checksum", "started_at", "finished_at", "statements_total", "statements_run", "status", "ran_hash", "parents") VALUES ('r4', 'up', 'versions/r4_merge.sql', '21d663654e82038e3572eaac1ec958e85f9e4dcbcc4fb711436ac96c005d5c2c', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 1, 'ok', 'a80a2cdd18968c934c756345b69e67357955d98c5353a91d3e4c9b54c920156d', 'r3a,r3b');

COMMIT;

