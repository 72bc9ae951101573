-- An audit action is a message key (its Danish text lives in messages.properties); its arguments, if any, are
-- kept here separated by U+001F. Older rows hold the Danish text itself and no arguments.
ALTER TABLE audit_entry ADD COLUMN action_arguments VARCHAR(500);
