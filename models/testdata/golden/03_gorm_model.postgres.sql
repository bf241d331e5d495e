CREATE TABLE "articles" ("id" bigserial NOT NULL, "created_at" timestamptz NULL, "updated_at" timestamptz NULL, "deleted_at" timestamptz NULL, "title" character varying(200) NOT NULL, "body" text NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_articles_deleted_at" ON "articles" ("deleted_at");
CREATE TABLE "comments" ("id" bigserial NOT NULL, "created_at" timestamptz NULL, "updated_at" timestamptz NULL, "deleted_at" timestamptz NULL, "article_id" bigint NULL, "body" text NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_comments_deleted_at" ON "comments" ("deleted_at");
CREATE TABLE "tags" ("id" bigserial NOT NULL, "name" character varying(64) NULL, "deleted_at" timestamptz NULL, PRIMARY KEY ("id"));
