-- 024_primary_key_extended
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: changes the primary key of memberships from (user_id) to (user_id, group_id): the upgrade fails on duplicates, and rebuilds the table
-- Downgrade WARNING: changes the primary key of memberships from (user_id, group_id) to (user_id): the downgrade fails on duplicates, and rebuilds the table
--
-- Changes:
--   change primary key of memberships from (user_id) to (user_id, group_id)

-- +retort Upgrade
ALTER TABLE `memberships` DROP PRIMARY KEY, ADD PRIMARY KEY (`user_id`, `group_id`), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `memberships` DROP PRIMARY KEY, ADD PRIMARY KEY (`user_id`), ALGORITHM=INPLACE, LOCK=NONE;
