-- changes
-- modify column users.name: NULL → NOT NULL, default none → 'x'

-- warnings
-- makes column users.name NOT NULL: the upgrade fails (or, on some servers, rows are changed) where a row holds NULL

-- notes

-- upgrade
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL, ALTER COLUMN "name" SET DEFAULT 'x';

-- downgrade
ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL, ALTER COLUMN "name" DROP DEFAULT;

