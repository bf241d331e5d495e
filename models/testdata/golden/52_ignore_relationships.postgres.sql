CREATE TABLE "badges" ("id" bigserial NOT NULL, "employee_id" bigint NULL, "label" character varying(32) NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_badges_employee_id" ON "badges" ("employee_id");
CREATE TABLE "employees" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "company_id" bigint NULL, "manager_id" bigint NULL, PRIMARY KEY ("id"));
CREATE TABLE "projects" ("id" bigserial NOT NULL, "code" character varying(16) NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "idx_projects_code" ON "projects" ("code");
