-- changes
-- modify column events.at: default none → CURRENT_TIMESTAMP

-- warnings

-- notes

-- upgrade
ALTER TABLE "events" ALTER COLUMN "at" SET DEFAULT CURRENT_TIMESTAMP;

-- downgrade
ALTER TABLE "events" ALTER COLUMN "at" DROP DEFAULT;

