-- changes
-- add column nodes.parent_id integer
-- add foreign key fk_nodes_parent on nodes (parent_id) references nodes (id)

-- warnings

-- notes

-- upgrade (no transaction)
ALTER TABLE "nodes" ADD COLUMN "parent_id" integer NULL;
ALTER TABLE "nodes" ADD CONSTRAINT "fk_nodes_parent" FOREIGN KEY ("parent_id") REFERENCES "nodes" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION NOT VALID;
ALTER TABLE "nodes" VALIDATE CONSTRAINT "fk_nodes_parent";

-- downgrade
ALTER TABLE "nodes" DROP CONSTRAINT "fk_nodes_parent";
ALTER TABLE "nodes" DROP COLUMN "parent_id";

