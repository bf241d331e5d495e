-- changes
-- modify column settings.level: default 1 → 5
-- modify column settings.label: default 'a' → none

-- warnings

-- notes

-- upgrade
ALTER TABLE "settings" ALTER COLUMN "level" SET DEFAULT 5, ALTER COLUMN "label" DROP DEFAULT;

-- downgrade
ALTER TABLE "settings" ALTER COLUMN "level" SET DEFAULT 1, ALTER COLUMN "label" SET DEFAULT 'a';

