-- changes
-- drop primary key of logs (id)

-- warnings
-- drops the primary key of logs (id)

-- notes

-- upgrade
ALTER TABLE "logs" DROP CONSTRAINT "logs_pkey";

-- downgrade
ALTER TABLE "logs" ADD PRIMARY KEY ("id");

