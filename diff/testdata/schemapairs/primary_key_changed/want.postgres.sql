-- changes
-- change primary key of memberships from (user_id) to (user_id, group_id)

-- warnings
-- changes the primary key of memberships from (user_id) to (user_id, group_id): the upgrade fails on duplicates, and rebuilds the table

-- notes

-- upgrade
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey", ADD PRIMARY KEY ("user_id", "group_id");

-- downgrade
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_pkey", ADD PRIMARY KEY ("user_id");

