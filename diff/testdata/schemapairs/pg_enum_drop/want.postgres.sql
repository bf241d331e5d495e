-- changes
-- drop enum type mood
-- drop column users.mood

-- warnings
-- drops column users.mood: its data is lost

-- notes

-- upgrade
ALTER TABLE "users" DROP COLUMN "mood";
DROP TYPE "mood";

-- downgrade
CREATE TYPE "mood" AS ENUM ('happy', 'sad');
ALTER TABLE "users" ADD COLUMN "mood" "mood" NULL;

