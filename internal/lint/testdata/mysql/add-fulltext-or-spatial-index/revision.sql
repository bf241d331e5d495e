-- scenario: add-fulltext-or-spatial-index
--
-- Revision ID: aaaaaaaaaaaa
-- Revises:
-- Create Date: 2026-12-05T00:00:00Z

-- +retort Upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `posts` ADD FULLTEXT INDEX `ft_body` (`body`);
CREATE SPATIAL INDEX `sp_place` ON `shops` (`place`);
-- retort:lint-ignore add-fulltext-or-spatial-index
CREATE FULLTEXT INDEX `ft_title` ON `posts` (`title`);

-- +retort Downgrade
SELECT 1;
