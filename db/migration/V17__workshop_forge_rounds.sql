-- Forge rounds in workshops, each run with its own class detective (docs/workshops.md).

-- A round is a Fool level or a Forge prompt (the class to forge); a Forge round has no level.
alter table workshop_plan_round drop constraint workshop_plan_round_game_check;
alter table workshop_plan_round alter column level drop not null;
alter table workshop_plan_round add column forge_class integer;
alter table workshop_plan_round add constraint workshop_plan_round_game_check check (
    game = 'FOOL' and level is not null or game = 'FORGE' and forge_class between 0 and 9);
alter table workshop_run_round alter column level drop not null;
alter table workshop_run_round add column forge_class integer;

-- A workshop forgery belongs to its run: it records no global round (round_id stays null), stays out
-- of the global gallery, final verdict and detective, and feeds only its run's class detective.
alter table forgery add column workshop_run_id bigint references workshop_run (id) on delete cascade;
create index forgery_workshop_run_idx on forgery (workshop_run_id, created_at) where workshop_run_id is not null;

-- A class detective's checkpoints sit beside the global ones, marked with their run, so a restart
-- resumes it; the global detective's have no run.
alter table detective_checkpoint add column workshop_run_id bigint references workshop_run (id) on delete cascade;
alter table detective_checkpoint drop constraint detective_checkpoint_dataset_version_key;
create unique index detective_checkpoint_scope_version_key
    on detective_checkpoint (dataset, coalesce(workshop_run_id, 0), version);

-- A seat's Forge round points at its forgery, as a Fool round points at its attempt.
alter table workshop_entry add column forgery_id bigint references forgery (id) on delete set null;
