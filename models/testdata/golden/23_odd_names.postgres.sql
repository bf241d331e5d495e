CREATE TABLE "api_keys" ("id" bigserial NOT NULL, "user_id" bigint NULL, "key" character varying(64) NULL, "external_id" character varying(64) NULL, "ip_address" character varying(45) NULL, "uuid" character varying(36) NULL, PRIMARY KEY ("id"));
CREATE INDEX "idx_api_keys_user_id" ON "api_keys" ("user_id");
CREATE TABLE "http_request_logs" ("id" bigserial NOT NULL, "http_status" bigint NULL, "url" character varying(2048) NULL, "json_body" text NULL, "xml_body" text NULL, "html_title" text NULL, "user_agent" text NULL, "ttl_seconds" bigint NULL, "ab_test" boolean NULL, "o_auth_scope" text NULL, "field2" text NULL, "v2_enabled" boolean NULL, PRIMARY KEY ("id"));
CREATE TABLE "o_auth_clients" ("id" bigserial NOT NULL, "client_id" character varying(64) NULL, "redirect_uri" text NULL, PRIMARY KEY ("id"));
CREATE TABLE "sms_messages" ("id" bigserial NOT NULL, "to_msisdn" character varying(20) NULL, PRIMARY KEY ("id"));
