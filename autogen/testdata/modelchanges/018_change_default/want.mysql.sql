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
ALTER TABLE `tasks` MODIFY COLUMN `state` varchar(20) NOT NULL DEFAULT 'open', MODIFY COLUMN `priority` bigint NOT NULL DEFAULT 5, MODIFY COLUMN `owner` varchar(20) NULL, ALGORITHM=INSTANT;

-- +retort Downgrade
ALTER TABLE `tasks` MODIFY COLUMN `state` varchar(20) NOT NULL DEFAULT 'new', MODIFY COLUMN `priority` bigint NOT NULL, MODIFY COLUMN `owner` varchar(20) NULL DEFAULT 'nobody', ALGORITHM=INSTANT;
