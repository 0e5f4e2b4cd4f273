-- The short lane (docs/jobs.md, "Node roles"): a second db-scheduler queue, the same shape as
-- scheduled_tasks (V7), polled by its own scheduler on every worker, so short jobs (competition
-- evaluations) never wait behind a training run holding the training scheduler's threads.
create table scheduled_tasks_short (
    task_name             text                      not null,
    task_instance         text                      not null,
    task_data             bytea,
    execution_time        timestamp with time zone  not null,
    picked                boolean                   not null,
    picked_by             text,
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  int,
    last_heartbeat        timestamp with time zone,
    version               bigint                    not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index short_execution_time_idx on scheduled_tasks_short (execution_time);
create index short_last_heartbeat_idx on scheduled_tasks_short (last_heartbeat);
create index short_priority_execution_time_idx on scheduled_tasks_short (priority desc, execution_time asc);

-- Evaluations still waiting on the training queue move to the short lane; the training scheduler no
-- longer knows their task. One that was picked comes along with its heartbeat and, once its node is
-- gone, is revived by the short lane like any dead execution.
insert into scheduled_tasks_short
    select * from scheduled_tasks where task_name = 'competition-evaluation';
delete from scheduled_tasks where task_name = 'competition-evaluation';
