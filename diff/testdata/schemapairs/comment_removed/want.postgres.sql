-- changes
-- set comment of table users to ''
-- modify column users.name: comment 'display name' → none

-- warnings

-- notes

-- upgrade
COMMENT ON TABLE "users" IS '';
COMMENT ON COLUMN "users"."name" IS '';

-- downgrade
COMMENT ON TABLE "users" IS 'people';
COMMENT ON COLUMN "users"."name" IS 'display name';

