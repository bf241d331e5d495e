-- changes
-- modify column users.name: NOT NULL → NULL

-- warnings

-- notes

-- upgrade
ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL;

-- downgrade
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;

