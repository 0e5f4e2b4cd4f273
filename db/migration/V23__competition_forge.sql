-- Forge contests (docs/competitions.md, "Forge track"): a competition may name a dataset and a prompt
-- class; at its end each entrant's forgeries of that prompt made in the window are judged again by the
-- global detective as it is then, and each entrant's best is stored here (with its image, so the board
-- does not depend on the forgery table's later life).

alter table competition
    add column forge_dataset  varchar(32),
    add column forge_prompt   integer check (forge_prompt between 0 and 99),
    add constraint competition_forge_track_check check ((forge_dataset is null) = (forge_prompt is null));

create table competition_forge_result (
    competition_id    bigint            not null references competition (id) on delete cascade,
    entrant_id        bigint            not null references competition_entrant (id) on delete cascade,
    forgery_id        bigint            not null,
    score             double precision  not null,
    real_probability  double precision  not null,
    forged_at         timestamptz       not null,
    png               bytea             not null,
    judged_at         timestamptz       not null,
    primary key (competition_id, entrant_id)
);
