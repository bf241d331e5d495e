-- 003_drop_table
--
-- Revision ID: 0123456789ab
-- Revises: 
-- Create Date: 2026-01-01T00:00:00Z
-- WARNING: drops table legacies: all its rows are lost
--
-- Changes:
--   drop table legacies

-- +retort Upgrade
DROP TABLE `legacies`;

-- +retort Downgrade
CREATE TABLE `legacies` (`id` bigint unsigned NOT NULL AUTO_INCREMENT, `data` varchar(50) NULL, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci AUTO_INCREMENT 2;
