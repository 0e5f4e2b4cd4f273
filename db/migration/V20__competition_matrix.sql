-- Competitions, attacks against defenses and the cross-evaluation matrix (docs/competitions.md).

-- A two-phase attack/defense contest: defenses are trained in the first phase; from the second phase
-- on, the entrants' final defenses are targets of every attack submission.
alter table competition add column defenses_attacked boolean not null default false;

-- The referee's verdict per half of the challenge set; robust: one byte per image (1 = no attack fooled it).
alter table competition_defense
    add column public_robust   double precision,
    add column private_robust  double precision,
    add column robust          bytea;

-- An attack submission of the attack phase against one final defense: which images it misclassified.
create table competition_attack_result (
    submission_id   bigint   not null references competition_submission (id) on delete cascade,
    defense_id      bigint   not null references competition_defense (id) on delete cascade,
    fooled          bytea    not null,
    fooled_count    integer  not null,
    public_success  double precision not null,
    primary key (submission_id, defense_id)
);

-- The cross-evaluation of a competition (NIPS 2017 scoring), recomputed from the stored images and weights.
create table competition_matrix (
    competition_id  bigint       primary key references competition (id) on delete cascade,
    status          varchar(12)  not null check (status in ('QUEUED', 'COMPUTING', 'DONE', 'FAILED')),
    failure         text,
    requested_at    timestamptz  not null,
    computed_at     timestamptz,
    computing_ms    bigint,
    images          integer
);

-- One cell: a final attack against a final defense (defense_id null: the competition's fixed target).
create table competition_matrix_cell (
    competition_id  bigint   not null references competition_matrix (competition_id) on delete cascade,
    submission_id   bigint   not null references competition_submission (id) on delete cascade,
    defense_id      bigint   references competition_defense (id) on delete cascade,
    misclassified   integer  not null check (misclassified >= 0)
);
create index competition_matrix_cell_idx on competition_matrix_cell (competition_id);
