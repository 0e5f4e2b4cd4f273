-- The Lab (docs/lab.md) on training runs. pace: FREE trains as fast as it can, SLOW one iteration a second,
-- HELD waits on its worker for single steps; the pending_* counts are the single D and G steps ordered and
-- not yet taken (the worker takes them one at a time and counts them down in its progress write).
-- samples: the latest images from the run's fixed latent vectors, one byte per pixel.
alter table training_run
    add column pace                         varchar(8)  not null default 'FREE' check (pace in ('FREE', 'SLOW', 'HELD')),
    add column pending_discriminator_steps  int         not null default 0 check (pending_discriminator_steps >= 0),
    add column pending_generator_steps      int         not null default 0 check (pending_generator_steps >= 0),
    add column samples                      bytea,
    add column forked_from                  bigint      references training_run (id) on delete set null,
    add column promoted_by                  bigint      references account (id),
    add column promoted_at                  timestamptz;
create index training_run_promoted_idx on training_run (promoted_at) where promoted_at is not null;
