-- changes
-- set comment of table users to 'people who log in'
-- modify column users.name: comment none → 'display name'

-- warnings

-- notes

-- upgrade
COMMENT ON TABLE "users" IS 'people who log in';
COMMENT ON COLUMN "users"."name" IS 'display name';

-- downgrade
COMMENT ON TABLE "users" IS '';
COMMENT ON COLUMN "users"."name" IS '';

