-- Primary keys: rowid alias, AUTOINCREMENT, composite (in another order
-- than the columns), text, WITHOUT ROWID, STRICT.
CREATE TABLE a (id INTEGER PRIMARY KEY, name text);
CREATE TABLE b (id integer PRIMARY KEY AUTOINCREMENT, name text);
CREATE TABLE "c" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);
CREATE TABLE d (x int, y text, z int, PRIMARY KEY (z, x));
CREATE TABLE e (code text PRIMARY KEY, n int);
CREATE TABLE f (k text PRIMARY KEY, v blob) WITHOUT ROWID;
CREATE TABLE g (id INTEGER PRIMARY KEY, v ANY, t TEXT) STRICT;
CREATE TABLE h (id bigint PRIMARY KEY, n int);
CREATE TABLE i (id INTEGER, n int, PRIMARY KEY (id DESC));
CREATE TABLE j (id INTEGER PRIMARY KEY DESC, n int);
