-- changes
-- modify column users.name: type character varying(100) → character varying(255)

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(255);

-- downgrade
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(100);

