-- A publication of an inheritance parent whose children came after it: the publication holds
-- the parent alone (each pg_publication_rel row is one table). Read bare, a script or a plan
-- that made it again (`FOR TABLE parent`) took the children along; read ONLY, it does not.
-- from
create table notes (id int primary key, body text);
create publication crm for table notes;
create table call_notes (duration int) inherits (notes);
create table mail_notes (subject text) inherits (notes);
-- to
create table notes (id int primary key, body text, at date);
create publication crm for table only notes;
create table call_notes (duration int) inherits (notes);
create table mail_notes (subject text) inherits (notes);
create publication calls for table call_notes;
