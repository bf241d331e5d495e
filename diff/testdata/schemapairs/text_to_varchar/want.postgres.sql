-- changes
-- modify column posts.body: type text → character varying(200)

-- warnings
-- changes column posts.body from text to character varying(200): text values longer than the new size are cut or rejected
-- changing the type of column posts.body from text to character varying(200) rewrites table posts with its reads and writes blocked until the rewrite ends (PostgreSQL has no online form for it): on a big, busy table add a new column, fill it in batches and switch to it instead

-- notes

-- upgrade
ALTER TABLE "posts" ALTER COLUMN "body" TYPE character varying(200);

-- downgrade
ALTER TABLE "posts" ALTER COLUMN "body" TYPE text;

