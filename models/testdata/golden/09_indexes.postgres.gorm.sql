CREATE TABLE "posts" ("id" bigserial NOT NULL, "title" character varying(200) NULL, "author_id" bigint NULL, "created_at" timestamptz NULL, "status" character varying(16) NULL, "published_at" timestamptz NULL, "score" bigint NULL, "lang" character varying(8) NULL, "region" character varying(8) NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_author_created" ON "posts" ("created_at", "author_id");
CREATE INDEX "idx_posts_locale" ON "posts" ("lang", "region");
CREATE INDEX "idx_posts_recent" ON "posts" ("created_at" DESC);
CREATE INDEX "idx_posts_score" ON "posts" ("score" DESC);
CREATE INDEX "idx_posts_title" ON "posts" ("title");
CREATE INDEX "idx_status_published" ON "posts" ("status", "published_at");
