-- When a submission's result reached its player's page. A submission stored but never shown (the node
-- died between the commit and the answer, e.g. kill -9) has none: the player's next visit shows it.
alter table fool_attempt add column shown_at timestamptz;
alter table forgery add column shown_at timestamptz;
-- Everything stored before this migration counts as shown: nobody is owed those results now.
update fool_attempt set shown_at = submitted_at;
update forgery set shown_at = created_at;
create index fool_attempt_unshown_idx on fool_attempt (player_id) where shown_at is null;
create index forgery_unshown_idx on forgery (player_id) where shown_at is null;
