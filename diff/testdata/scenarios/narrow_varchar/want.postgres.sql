-- changes
-- modify column users.name: type character varying(255) → character varying(100)

-- warnings
-- changes column users.name from character varying(255) to character varying(100): longer values are cut or rejected

-- notes

-- upgrade
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(100);

-- downgrade
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(255);

