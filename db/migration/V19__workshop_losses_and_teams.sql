-- Workshops: the class detective's loss curve per Forge round, and teams (docs/workshops.md).

-- The losses of the class detective's accepted training steps during a Forge round and at its close,
-- oldest first; null until the training at the close has finished.
alter table workshop_run_round add column detective_losses double precision[];

-- Teams: a plan's and a run's team size (0: no teams) and whether students choose their team (else
-- the server places them as they join); a seat's team, numbered from 1 within its run.
alter table workshop_plan add column team_size integer not null default 0
    check (team_size = 0 or team_size between 2 and 50);
alter table workshop_plan add column teams_chosen boolean not null default false;
alter table workshop_run add column team_size integer not null default 0;
alter table workshop_run add column teams_chosen boolean not null default false;
alter table workshop_seat add column team integer check (team >= 1);
