-- changes
-- modify column users.name: default 'x' → 'y'

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'y';

-- downgrade
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'x';

