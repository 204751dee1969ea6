/* outer /* nested; still comment */ still; comment */
SELECT 'it''s; fine', E'back\'slash; still string', "quoted;identifier" FROM "weird""table;";
-- a line comment; with a semicolon
SELECT e'\\';
SELECT U&'d\0061t\+000061;' AS unicode_escape
