-- Issue 24, a second node: the live detective trains on one node at a time, and every node serves
-- its latest checkpoint (docs/forge.md, "One trainer, every node serving").

-- Who trains a scope's detective (the dataset's slug, or "<slug>-run-<id>" for a workshop run's class
-- detective) until when. Taken and renewed by one conditional upsert, in the database's time, so two
-- nodes' clocks never decide; an expired lease is free for any node.
create table detective_training_lease (
    scope       varchar(64)  primary key,
    holder      varchar(200) not null,
    expires_at  timestamptz  not null
);

-- The detective's counters survive with its checkpoint: the catch rate's window of recent verdicts
-- ('1' caught, '0' let through, oldest first) and the rolled-back steps, besides forgeries_seen; and the
-- last stored forgery they count, from which a resumed detective counts on.
alter table detective_checkpoint add column recent_catches   text    not null default '';
alter table detective_checkpoint add column rollbacks        integer not null default 0 check (rollbacks >= 0);
alter table detective_checkpoint add column last_forgery_id  bigint  not null default 0;

-- Every node counts a scope's stored forgeries after the last one it counted.
create index forgery_scope_id_idx on forgery (dataset, (coalesce(workshop_run_id, 0)), id);

-- Checkpoints written before this counted the forgeries up to their time: count on after the newest.
update detective_checkpoint c set last_forgery_id = coalesce((select max(f.id) from forgery f
    where f.dataset = c.dataset and coalesce(f.workshop_run_id, 0) = coalesce(c.workshop_run_id, 0)), 0);
