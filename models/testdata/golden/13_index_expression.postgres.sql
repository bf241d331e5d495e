CREATE TABLE "members" ("id" bigserial NOT NULL, "email" character varying(191) NULL, "name" character varying(100) NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "idx_members_lower_email" ON "members" ((lower(email)));
CREATE INDEX "idx_members_name_len" ON "members" ((length(name)));
