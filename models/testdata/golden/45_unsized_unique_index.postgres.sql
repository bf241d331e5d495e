CREATE TABLE "subscribers" ("id" bigserial NOT NULL, "email" text NULL, "handle" text NULL, "list_name" text NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "idx_subscribers_email" ON "subscribers" ("email");
CREATE UNIQUE INDEX "idx_handle_list" ON "subscribers" ("handle", "list_name");
