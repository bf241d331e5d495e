-- changes
-- drop primary key of logs (id)

-- warnings
-- drops the primary key of logs (id)
-- dropping the primary key of logs copies table logs with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `logs` DROP PRIMARY KEY;

-- downgrade
ALTER TABLE `logs` ADD PRIMARY KEY (`id`), ALGORITHM=INPLACE, LOCK=NONE;

