-- A detective checkpoint belongs to the shipped GAN pair its detective went live from. When another pair
-- ships (arena.models.gan-version), a detective starts afresh from the new discriminator instead of
-- resuming one trained from the old pair next to the new generator. Rows so far all come from pair 1.
alter table detective_checkpoint add column gan_version integer not null default 1 check (gan_version >= 1);
drop index detective_checkpoint_scope_version_key;
create unique index detective_checkpoint_scope_version_key
    on detective_checkpoint (dataset, coalesce(workshop_run_id, 0), gan_version, version);
