-- 018_change_default
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column tasks.state: default 'new' → 'open'
--   modify column tasks.priority: default none → 5
--   modify column tasks.owner: default 'nobody' → none

-- +retort Upgrade
ALTER TABLE "tasks" ALTER COLUMN "state" SET DEFAULT 'open', ALTER COLUMN "priority" SET DEFAULT 5, ALTER COLUMN "owner" DROP DEFAULT;

-- +retort Downgrade
ALTER TABLE "tasks" ALTER COLUMN "state" SET DEFAULT 'new', ALTER COLUMN "priority" DROP DEFAULT, ALTER COLUMN "owner" SET DEFAULT 'nobody';
