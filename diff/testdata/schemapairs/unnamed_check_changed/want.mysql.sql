-- changes
-- change check CONSTRAINT_1 on stock to: `qty` >= 1

-- warnings
-- changes check CONSTRAINT_1 on stock (`qty` >= 1): the upgrade fails if a row breaks it
-- adding the check CONSTRAINT_1 to stock (the server checks the existing rows by copying the table) copies table stock with its writes blocked until the copy ends (the server has no INSTANT or INPLACE form for it): on a big, busy table run this ALTER with pt-online-schema-change or gh-ost instead

-- notes

-- upgrade
ALTER TABLE `stock` DROP CONSTRAINT `CONSTRAINT_1`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `stock` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`qty` >= 1);

-- downgrade
ALTER TABLE `stock` DROP CONSTRAINT `CONSTRAINT_1`, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE `stock` ADD CONSTRAINT `CONSTRAINT_1` CHECK (`qty` >= 0);

