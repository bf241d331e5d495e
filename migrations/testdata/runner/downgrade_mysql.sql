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

-- Running downgrade r4 -> r3a, r3b, merge

DELETE FROM marks WHERE rev = 'r4';

DELETE FROM `retort_version` WHERE `version_num` = 'r4';

INSERT INTO `retort_version` (`version_num`) VALUES ('r3a');

INSERT INTO `retort_version` (`version_num`) VALUES ('r3b');

INSERT INTO `retort_version_log` (`revision`, `direction`, `path`, `checksum`, `started_at`, `finished_at`, `statements_total`, `statements_run`, `status`, `ran_hash`, `parents`) VALUES ('r4', 'down', 'versions/r4_merge.sql', '21d663654e82038e3572eaac1ec958e85f9e4dcbcc4fb711436ac96c005d5c2c', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 1, 'ok', 'a2b15098e80cca5aff9e04aaecc7e6b33629dd4d9ad39867eca1a1cf0d889070', 'r3a,r3b');

-- Running downgrade r3b -> r2, branch b

DELETE FROM marks WHERE rev = 'r3b';

DROP TABLE t3b;

DELETE FROM `retort_version` WHERE `version_num` = 'r3b';

INSERT INTO `retort_version_log` (`revision`, `direction`, `path`, `checksum`, `started_at`, `finished_at`, `statements_total`, `statements_run`, `status`, `ran_hash`, `parents`) VALUES ('r3b', 'down', 'versions/r3b_branch_b.sql', '9107649c617c021a7db750a1854a72da1e72ac023b592729e98602aaf5320fbf', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 2, 2, 'ok', '7d5c0400e6a989f34952a549d90d9687dab5694cb302100af07f2ff28e56289b', 'r2');

