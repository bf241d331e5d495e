CREATE TABLE `api_keys` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `user_id` integer NULL, `key` text NULL, `external_id` text NULL, `ip_address` text NULL, `uuid` text NULL);
CREATE INDEX `idx_api_keys_user_id` ON `api_keys` (`user_id`);
CREATE TABLE `http_request_logs` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `http_status` integer NULL, `url` text NULL, `json_body` text NULL, `xml_body` text NULL, `html_title` text NULL, `user_agent` text NULL, `ttl_seconds` integer NULL, `ab_test` numeric NULL, `o_auth_scope` text NULL, `field2` text NULL, `v2_enabled` numeric NULL);
CREATE TABLE `o_auth_clients` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `client_id` text NULL, `redirect_uri` text NULL);
CREATE TABLE `sms_messages` (`id` integer NULL PRIMARY KEY AUTOINCREMENT, `to_msisdn` text NULL);
