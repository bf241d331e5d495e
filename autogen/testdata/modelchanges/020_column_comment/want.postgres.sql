-- 020_column_comment
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   modify column users.name: comment 'the name' → 'the full name'
--   modify column users.age: comment none → 'in years'

-- +retort Upgrade
COMMENT ON COLUMN "users"."name" IS 'the full name';
COMMENT ON COLUMN "users"."age" IS 'in years';

-- +retort Downgrade
COMMENT ON COLUMN "users"."name" IS 'the name';
COMMENT ON COLUMN "users"."age" IS '';
