-- changes

-- warnings

-- notes
-- domain posint is not managed by retort: it is left as it is
-- routine touch is not managed by retort: it is left as it is
-- sequence loose_seq is not owned by a column and not managed by retort: it is left as it is
-- trigger users_touch (on table users) is not managed by retort: it is left as it is
-- view user_names is not managed by retort: it is left as it is

-- upgrade

-- downgrade

