-- Batch worker, version 5: the Quartz job store (clustered, shared by every batch-worker task), the record of
-- job executions that GET /api/v1/admin/jobs shows, and the stored daily sales report.
-- The abandoned-cart reminder needs nothing new: carts.reminded_at and carts_unreminded_idx exist since V1.

-- ## Quartz JDBC job store (PostgreSQL)
-- The tables of Quartz 2.x's documented PostgreSQL schema (org.quartz.impl.jdbcjobstore with the
-- PostgreSQLDelegate), with the default prefix qrtz_ (quarkus.quartz.table-prefix). Quartz names them in upper
-- case without quotes, so PostgreSQL folds them to these lower-case names. Times are epoch milliseconds.
-- sched_name is the scheduler's name (quarkus.quartz.instance-name): every node of one cluster shares it.

CREATE TABLE qrtz_job_details (
    sched_name         varchar(120) NOT NULL,
    job_name           varchar(200) NOT NULL,
    job_group          varchar(200) NOT NULL,
    description        varchar(250) NULL,
    job_class_name     varchar(250) NOT NULL,
    is_durable         boolean      NOT NULL,
    is_nonconcurrent   boolean      NOT NULL,
    is_update_data     boolean      NOT NULL,
    requests_recovery  boolean      NOT NULL,
    job_data           bytea        NULL,
    PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE qrtz_triggers (
    sched_name      varchar(120) NOT NULL,
    trigger_name    varchar(200) NOT NULL,
    trigger_group   varchar(200) NOT NULL,
    job_name        varchar(200) NOT NULL,
    job_group       varchar(200) NOT NULL,
    description     varchar(250) NULL,
    next_fire_time  bigint       NULL,
    prev_fire_time  bigint       NULL,
    priority        integer      NULL,
    trigger_state   varchar(16)  NOT NULL,
    trigger_type    varchar(8)   NOT NULL,
    start_time      bigint       NOT NULL,
    end_time        bigint       NULL,
    calendar_name   varchar(200) NULL,
    misfire_instr   smallint     NULL,
    job_data        bytea        NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, job_name, job_group)
        REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);

CREATE TABLE qrtz_simple_triggers (
    sched_name       varchar(120) NOT NULL,
    trigger_name     varchar(200) NOT NULL,
    trigger_group    varchar(200) NOT NULL,
    repeat_count     bigint       NOT NULL,
    repeat_interval  bigint       NOT NULL,
    times_triggered  bigint       NOT NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
);

CREATE TABLE qrtz_cron_triggers (
    sched_name       varchar(120) NOT NULL,
    trigger_name     varchar(200) NOT NULL,
    trigger_group    varchar(200) NOT NULL,
    cron_expression  varchar(120) NOT NULL,
    time_zone_id     varchar(80)  NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
);

CREATE TABLE qrtz_simprop_triggers (
    sched_name     varchar(120)   NOT NULL,
    trigger_name   varchar(200)   NOT NULL,
    trigger_group  varchar(200)   NOT NULL,
    str_prop_1     varchar(512)   NULL,
    str_prop_2     varchar(512)   NULL,
    str_prop_3     varchar(512)   NULL,
    int_prop_1     integer        NULL,
    int_prop_2     integer        NULL,
    long_prop_1    bigint         NULL,
    long_prop_2    bigint         NULL,
    dec_prop_1     numeric(13, 4) NULL,
    dec_prop_2     numeric(13, 4) NULL,
    bool_prop_1    boolean        NULL,
    bool_prop_2    boolean        NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
);

CREATE TABLE qrtz_blob_triggers (
    sched_name     varchar(120) NOT NULL,
    trigger_name   varchar(200) NOT NULL,
    trigger_group  varchar(200) NOT NULL,
    blob_data      bytea        NULL,
    PRIMARY KEY (sched_name, trigger_name, trigger_group),
    FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
);

CREATE TABLE qrtz_calendars (
    sched_name     varchar(120) NOT NULL,
    calendar_name  varchar(200) NOT NULL,
    calendar       bytea        NOT NULL,
    PRIMARY KEY (sched_name, calendar_name)
);

CREATE TABLE qrtz_paused_trigger_grps (
    sched_name     varchar(120) NOT NULL,
    trigger_group  varchar(200) NOT NULL,
    PRIMARY KEY (sched_name, trigger_group)
);

-- One row per firing in progress (ACQUIRED, then EXECUTING); entry_id is the firing's fire instance id. A node's
-- rows outlive it only until another node recovers them, which job_executions uses to spot abandoned runs.
CREATE TABLE qrtz_fired_triggers (
    sched_name         varchar(120) NOT NULL,
    entry_id           varchar(95)  NOT NULL,
    trigger_name       varchar(200) NOT NULL,
    trigger_group      varchar(200) NOT NULL,
    instance_name      varchar(200) NOT NULL,
    fired_time         bigint       NOT NULL,
    sched_time         bigint       NOT NULL,
    priority           integer      NOT NULL,
    state              varchar(16)  NOT NULL,
    job_name           varchar(200) NULL,
    job_group          varchar(200) NULL,
    is_nonconcurrent   boolean      NULL,
    requests_recovery  boolean      NULL,
    PRIMARY KEY (sched_name, entry_id)
);

-- Cluster membership: each node checks in every quarkus.quartz.cluster-checkin-interval.
CREATE TABLE qrtz_scheduler_state (
    sched_name         varchar(120) NOT NULL,
    instance_name      varchar(200) NOT NULL,
    last_checkin_time  bigint       NOT NULL,
    checkin_interval   bigint       NOT NULL,
    PRIMARY KEY (sched_name, instance_name)
);

-- Row locks (TRIGGER_ACCESS, STATE_ACCESS) taken with SELECT ... FOR UPDATE: they make one firing run on one node.
CREATE TABLE qrtz_locks (
    sched_name  varchar(120) NOT NULL,
    lock_name   varchar(40)  NOT NULL,
    PRIMARY KEY (sched_name, lock_name)
);

CREATE INDEX idx_qrtz_j_req_recovery ON qrtz_job_details (sched_name, requests_recovery);
CREATE INDEX idx_qrtz_j_grp ON qrtz_job_details (sched_name, job_group);

CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_t_jg ON qrtz_triggers (sched_name, job_group);
CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
CREATE INDEX idx_qrtz_t_g ON qrtz_triggers (sched_name, trigger_group);
CREATE INDEX idx_qrtz_t_state ON qrtz_triggers (sched_name, trigger_state);
CREATE INDEX idx_qrtz_t_n_state ON qrtz_triggers (sched_name, trigger_name, trigger_group, trigger_state);
CREATE INDEX idx_qrtz_t_n_g_state ON qrtz_triggers (sched_name, trigger_group, trigger_state);
CREATE INDEX idx_qrtz_t_next_fire_time ON qrtz_triggers (sched_name, next_fire_time);
CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX idx_qrtz_t_nft_misfire ON qrtz_triggers (sched_name, misfire_instr, next_fire_time);
CREATE INDEX idx_qrtz_t_nft_st_misfire ON qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_state);
CREATE INDEX idx_qrtz_t_nft_st_misfire_grp
    ON qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_group, trigger_state);

CREATE INDEX idx_qrtz_ft_trig_inst_name ON qrtz_fired_triggers (sched_name, instance_name);
CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_ft_jg ON qrtz_fired_triggers (sched_name, job_group);
CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
CREATE INDEX idx_qrtz_ft_tg ON qrtz_fired_triggers (sched_name, trigger_group);
-- job_executions looks a firing up by its fire instance id alone (ids are unique across schedulers).
CREATE INDEX idx_qrtz_ft_entry_id ON qrtz_fired_triggers (entry_id);

-- ## Job executions
-- One row per run of a job body: a scheduled firing (fire_instance_id set) or a one-off `run <job>`
-- (fire_instance_id NULL). RUNNING rows whose firing no node holds any more (its node died and another
-- recovered it) become ABANDONED.

CREATE TABLE job_executions (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job               text        NOT NULL,
    node              text        NOT NULL,
    fire_instance_id  text        NULL,
    -- The trigger's scheduled time for a firing (the original one when Quartz re-runs a recovered firing).
    scheduled_at      timestamptz NULL,
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz NULL,
    status            text        NOT NULL DEFAULT 'RUNNING',
    detail            text        NULL,
    CONSTRAINT job_executions_status_ck CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED')),
    CONSTRAINT job_executions_finished_ck CHECK ((status = 'RUNNING') = (finished_at IS NULL)),
    CONSTRAINT job_executions_job_ck CHECK (length(job) BETWEEN 1 AND 100)
);
-- GET /admin/jobs: newest first by id (the primary key); one job's history.
CREATE INDEX job_executions_job_started_idx ON job_executions (job, started_at DESC);
-- The sweep for abandoned runs looks at running rows only.
CREATE INDEX job_executions_running_idx ON job_executions (started_at) WHERE status = 'RUNNING';
-- Pruning of old rows.
CREATE INDEX job_executions_started_idx ON job_executions (started_at);

-- ## Daily sales report
-- Per day (Asia/Tokyo) and tax rate: orders placed that day and not cancelled when the report ran. Amounts come
-- from order_tax_lines (the qualified-invoice breakdown, shipping included at 10 %): gross is tax-included,
-- tax the tax contained in it, net = gross - tax. A re-run replaces the day's rows.

CREATE TABLE daily_sales_reports (
    day           date        NOT NULL,
    tax_rate      smallint    NOT NULL,
    orders        integer     NOT NULL,
    net_jpy       bigint      NOT NULL,
    tax_jpy       bigint      NOT NULL,
    gross_jpy     bigint      NOT NULL,
    generated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, tax_rate),
    CONSTRAINT daily_sales_reports_rate_ck CHECK (tax_rate IN (8, 10)),
    CONSTRAINT daily_sales_reports_amounts_ck CHECK (orders >= 0 AND tax_jpy >= 0 AND net_jpy + tax_jpy = gross_jpy)
);
