-- A text search configuration an index names, and a dictionary it maps to, change in
-- place: their mappings and options are altered, as neither can be dropped under the index.
-- from
create text search dictionary crm_stem (template = simple, stopwords = english);
create text search configuration crm_ts (copy = english);
alter text search configuration crm_ts alter mapping for asciiword with crm_stem;
create table doc (id int, body text);
create index doc_fts on doc using gin (to_tsvector('crm_ts', body));
-- to
create text search dictionary crm_stem (template = simple, stopwords = english, accept = false);
create text search configuration crm_ts (copy = simple);
alter text search configuration crm_ts alter mapping for asciiword, url with crm_stem, simple;
alter text search configuration crm_ts drop mapping for email;
create table doc (id int, body text);
create index doc_fts on doc using gin (to_tsvector('crm_ts', body));
