CREATE TABLE "users" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "company_id" bigint NULL, PRIMARY KEY ("id"));
CREATE TABLE "companies" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "user_id" bigint NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_users_company" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE TABLE "owners" ("id" bigserial NOT NULL, "pet_ref" bigint NULL, PRIMARY KEY ("id"));
CREATE TABLE "pets" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "pet_ref" bigint NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_owners_pet" FOREIGN KEY ("pet_ref") REFERENCES "owners" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
