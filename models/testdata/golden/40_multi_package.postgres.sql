CREATE TABLE "users" ("id" bigserial NOT NULL, "created_at" timestamptz NULL, "updated_at" timestamptz NULL, "deleted_at" timestamptz NULL, "email" character varying(191) NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_users_deleted_at" ON "users" ("deleted_at");
CREATE UNIQUE INDEX "idx_users_email" ON "users" ("email");
CREATE TABLE "orders" ("id" bigserial NOT NULL, "number" character varying(20) NULL, "user_id" bigint NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_orders_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id"));
CREATE UNIQUE INDEX "idx_orders_number" ON "orders" ("number");
CREATE TABLE "sessions" ("id" bigserial NOT NULL, "user_id" bigint NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE);
