-- Temporary tables would outlive the transaction on a pooled connection: drop them with the load.

drop table tmp_rollup_date;
drop table tmp_redated_from;
drop table tmp_session_measures;
drop table tmp_session_history;
drop table tmp_resumed_session;
drop table tmp_touched_session;
drop table tmp_new_event;
drop table tmp_later_copy;
drop table tmp_regrouped_content;
drop table tmp_changed_content;
drop table tmp_regrouped_user;
drop table tmp_changed_user;
drop table tmp_event;
drop table tmp_content;
drop table tmp_user;
