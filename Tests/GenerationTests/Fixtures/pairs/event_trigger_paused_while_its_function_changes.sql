-- An event trigger that stays, over a function the plan replaces, is disabled for the plan
-- and enabled again at its end. Firing mid-plan, the old function read a column the plan
-- had just dropped (periods 1.2's drop_protection, on its downgrade to 1.1).
-- trusted
-- from
create table guard_settings (id int, strict boolean);
create function ddl_guard() returns event_trigger language plpgsql
  as $$ begin perform strict from guard_settings; end $$;
create event trigger ddl_guard_end on ddl_command_end execute function ddl_guard();
-- to
create table guard_settings (id int);
create function ddl_guard() returns event_trigger language plpgsql
  as $$ begin perform id from guard_settings; end $$;
create event trigger ddl_guard_end on ddl_command_end execute function ddl_guard();
