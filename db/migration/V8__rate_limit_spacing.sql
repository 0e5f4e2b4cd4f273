-- The last admitted hit per spacing rule and key ("at least 2 s between two submissions"), in the
-- database so every node sees it; a fixed window cannot keep two hits apart across its boundary.
create table rate_limit_spacing (
    bucket    varchar(40)   not null,
    key       varchar(300)  not null,
    last_hit  timestamptz   not null,
    primary key (bucket, key)
);
create index rate_limit_spacing_last_hit_idx on rate_limit_spacing (last_hit);
