CREATE TABLE "contacts" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "email_address" character varying(191) NULL, "phone_number" character varying(32) NULL, PRIMARY KEY ("id"));
