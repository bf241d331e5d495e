CREATE TABLE IF NOT EXISTS `retort_version` (`version_num` varchar(64) NOT NULL PRIMARY KEY);

CREATE TABLE IF NOT EXISTS `retort_version_log` (
  `id` bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `revision` varchar(64) NOT NULL,
  `direction` varchar(8) NOT NULL,
  `path` varchar(1024) NOT NULL DEFAULT '',
  `checksum` varchar(64) NOT NULL DEFAULT '',
  `started_at` datetime(6) NULL,
  `finished_at` datetime(6) NULL,
  `statements_total` integer NOT NULL DEFAULT 0,
  `statements_run` integer NOT NULL DEFAULT 0,
  `running_statement` integer NOT NULL DEFAULT 0,
  `status` varchar(16) NOT NULL,
  `failed_statement` integer NULL,
  `failed_line` integer NULL,
  `error` text NULL,
  `ran_hash` varchar(64) NOT NULL DEFAULT '',
  `parents` varchar(1024) NOT NULL DEFAULT ''
);

SET @retort_add_parents = (SELECT IF(COUNT(*) = 0, 'ALTER TABLE `retort_version_log` ADD COLUMN `parents` varchar(1024) NOT NULL DEFAULT ''''', 'DO 0') FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'retort_version_log' AND column_name = 'parents');

PREPARE retort_add_parents FROM @retort_add_parents;

EXECUTE retort_add_parents;

DEALLOCATE PREPARE retort_add_parents;

-- Stamping r2 -> r3a, r3b

DELETE FROM `retort_version` WHERE `version_num` = 'r2';

INSERT INTO `retort_version` (`version_num`) VALUES ('r3a');

INSERT INTO `retort_version` (`version_num`) VALUES ('r3b');

INSERT INTO `retort_version_log` (`revision`, `direction`, `path`, `checksum`, `started_at`, `finished_at`, `statements_total`, `statements_run`, `status`, `ran_hash`, `parents`) VALUES ('r3a', 'stamp', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 0, 'ok', '', '');

INSERT INTO `retort_version_log` (`revision`, `direction`, `path`, `checksum`, `started_at`, `finished_at`, `statements_total`, `statements_run`, `status`, `ran_hash`, `parents`) VALUES ('r3b', 'stamp', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 0, 'ok', '', '');

