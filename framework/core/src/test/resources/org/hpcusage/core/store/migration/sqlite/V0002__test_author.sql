ALTER TABLE notes ADD COLUMN author TEXT;
INSERT INTO notes (id, body, author) VALUES (2, 'added', 'v2');
