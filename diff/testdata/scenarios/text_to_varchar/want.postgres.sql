-- changes
-- modify column posts.body: type text → character varying(200)

-- warnings
-- changes column posts.body from text to character varying(200): text values longer than the new size are cut or rejected

-- notes

-- upgrade
ALTER TABLE "posts" ALTER COLUMN "body" TYPE character varying(200);

-- downgrade
ALTER TABLE "posts" ALTER COLUMN "body" TYPE text;

