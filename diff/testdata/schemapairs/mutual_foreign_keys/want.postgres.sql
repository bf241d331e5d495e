-- changes
-- add table a (id integer NOT NULL, b_id integer)
-- add table b (id integer NOT NULL, a_id integer)

-- warnings

-- notes

-- upgrade
CREATE TABLE "a" ("id" integer NOT NULL, "b_id" integer NULL, PRIMARY KEY ("id"));
CREATE TABLE "b" ("id" integer NOT NULL, "a_id" integer NULL, PRIMARY KEY ("id"));
ALTER TABLE "a" ADD CONSTRAINT "fk_a_b" FOREIGN KEY ("b_id") REFERENCES "b" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
ALTER TABLE "b" ADD CONSTRAINT "fk_b_a" FOREIGN KEY ("a_id") REFERENCES "a" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;

-- downgrade
ALTER TABLE "a" DROP CONSTRAINT "fk_a_b";
ALTER TABLE "b" DROP CONSTRAINT "fk_b_a";
DROP TABLE "a";
DROP TABLE "b";

