-- 037_mysql_prefix_index
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
--
-- Changes:
--   change index idx_title on docs to (title)
--   add index idx_body on docs (body)

-- +retort Upgrade
ALTER TABLE `docs` DROP INDEX `idx_title`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `docs` ADD INDEX `idx_title` (`title` (20)), ADD INDEX `idx_body` (`body` (30)), ALGORITHM=INPLACE, LOCK=NONE;

-- +retort Downgrade
ALTER TABLE `docs` DROP INDEX `idx_body`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `docs` DROP INDEX `idx_title`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `docs` ADD INDEX `idx_title` (`title` (10)), ALGORITHM=INPLACE, LOCK=NONE;
