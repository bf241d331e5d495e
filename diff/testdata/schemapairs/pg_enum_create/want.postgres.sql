-- changes
-- add enum type mood ('happy', 'sad')
-- add column users.mood mood

-- warnings

-- notes

-- upgrade
CREATE TYPE "mood" AS ENUM ('happy', 'sad');
ALTER TABLE "users" ADD COLUMN "mood" "mood" NULL;

-- downgrade
ALTER TABLE "users" DROP COLUMN "mood";
DROP TYPE "mood";

