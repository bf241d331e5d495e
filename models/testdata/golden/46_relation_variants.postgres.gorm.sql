CREATE TABLE "countries" ("code" character varying(2) NOT NULL, "name" character varying(64) NULL, PRIMARY KEY ("code"));
CREATE TABLE "cities" ("id" bigserial NOT NULL, "name" character varying(100) NULL, "country_code" character varying(2) NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_cities_country" FOREIGN KEY ("country_code") REFERENCES "countries" ("code") ON UPDATE NO ACTION ON DELETE NO ACTION);
CREATE TABLE "teams" ("id" bigserial NOT NULL, "name" character varying(64) NULL, PRIMARY KEY ("id"));
CREATE TABLE "members" ("id" bigserial NOT NULL, "name" character varying(64) NULL, "team_id" bigint NULL, "captain_of_id" bigint NULL, PRIMARY KEY ("id"), CONSTRAINT "fk_teams_captain" FOREIGN KEY ("captain_of_id") REFERENCES "teams" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "fk_teams_members" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON UPDATE NO ACTION ON DELETE CASCADE);
CREATE UNIQUE INDEX "idx_members_captain_of_id" ON "members" ("captain_of_id");
CREATE TABLE "posts" ("id" bigserial NOT NULL, "title" character varying(200) NULL, PRIMARY KEY ("id"));
CREATE TABLE "tags" ("id" bigserial NOT NULL, "name" character varying(32) NULL, PRIMARY KEY ("id"));
CREATE TABLE "post_tags" ("post_id" bigint NOT NULL, "tag_id" bigint NOT NULL, PRIMARY KEY ("post_id", "tag_id"), CONSTRAINT "fk_post_tags_post" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON UPDATE CASCADE ON DELETE CASCADE, CONSTRAINT "fk_post_tags_tag" FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON UPDATE CASCADE ON DELETE CASCADE);
