CREATE TABLE "authors" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "code" character varying(16) NULL, PRIMARY KEY ("id"));
CREATE UNIQUE INDEX "idx_authors_code" ON "authors" ("code");
CREATE TABLE "articles" ("id" bigserial NOT NULL, "title" text NULL, "writer_id" bigint NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_authors_articles" FOREIGN KEY ("writer_id") REFERENCES "authors" ("id"));
CREATE TABLE "books" ("id" bigserial NOT NULL, "title" text NULL, "author_id" bigint NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_authors_books" FOREIGN KEY ("author_id") REFERENCES "authors" ("id"));
CREATE TABLE "reviews" ("id" bigserial NOT NULL, "author_code" character varying(16) NULL, "stars" bigint NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_authors_reviews" FOREIGN KEY ("author_code") REFERENCES "authors" ("code") ON UPDATE CASCADE ON DELETE CASCADE);
