CREATE TABLE "users" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "member_number" character varying(32) NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "idx_users_member_number" ON "users" ("member_number");
CREATE TABLE "credit_cards" ("id" bigserial NOT NULL, "number" character varying(32) NULL, "user_number" character varying(32) NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_users_credit_card" FOREIGN KEY ("user_number") REFERENCES "users" ("member_number") ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE TABLE "profiles" ("id" bigserial NOT NULL, "user_id" bigint NULL, "bio" text NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_users_profile" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE CASCADE ON DELETE SET NULL);
