CREATE TABLE "users" ("id" bigserial NOT NULL, "name" character varying(100) NULL, PRIMARY KEY ("id"));
CREATE TABLE "documents" ("id" bigserial NOT NULL, "title" character varying(200) NULL, "owner_id" bigint NULL, "home_street" character varying(200) NULL, "home_geo_lat" numeric NULL, "home_geo_lng" numeric NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_documents_owner" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE INDEX "idx_documents_owner_id" ON "documents" ("owner_id");
