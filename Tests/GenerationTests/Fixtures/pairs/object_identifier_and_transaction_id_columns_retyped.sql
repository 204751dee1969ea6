-- Columns of oid's aliases and transaction ids change type: regclass to regtype and xid to
-- xid8 have no cast (their values go through text); oid to regproc and "char" to char(1) have one.
-- from
create table t (a oid, b regclass, c xid, d name, e "char", f pg_lsn, g date, h bit varying(8));
-- to
create table t (a regproc, b regtype, c xid8, d text, e char(1), f pg_lsn not null, g time, h bigint);
