-- changes
-- change primary key of memberships from (user_id) to (user_id, group_id)

-- warnings
-- changes the primary key of memberships from (user_id) to (user_id, group_id): the upgrade fails on duplicates, and rebuilds the table

-- notes

-- upgrade
ALTER TABLE `memberships` DROP PRIMARY KEY, ADD PRIMARY KEY (`user_id`, `group_id`), ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE `memberships` DROP PRIMARY KEY, ADD PRIMARY KEY (`user_id`), ALGORITHM=INPLACE, LOCK=NONE;

