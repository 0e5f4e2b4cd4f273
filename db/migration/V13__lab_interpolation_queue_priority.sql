-- The Lab's latent interpolation and the admin's queue (docs/lab.md, docs/jobs.md).
-- interpolation: the images a finished GAN run's generator makes along the great circle between two fixed
-- latent vectors, computed by its job from the networks it finished with (those of its final checkpoint), one
-- byte per pixel like samples; null until a run finishes.
-- priority: the run's place in the queue as the admin set it (higher first, then the older); db-scheduler orders
-- due executions by scheduled_tasks.priority, which every (re-)queuing of the run copies from here.
alter table training_run
    add column interpolation bytea,
    add column priority      smallint not null default 0 check (priority between -9 and 9);
