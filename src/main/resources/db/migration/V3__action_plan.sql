-- The action plan as structured data: fields of investigation, actions and their indicators, per version.
-- A version starts as a DRAFT that the working group edits (by hand or by importing a spreadsheet); it is
-- frozen once submitted. Versions written before this migration keep their free text in body.

ALTER TABLE fa_plan_version ALTER COLUMN submitted_by DROP NOT NULL;
ALTER TABLE fa_plan_version ALTER COLUMN submitted_at DROP NOT NULL;
ALTER TABLE fa_plan_version ALTER COLUMN body DROP NOT NULL;
ALTER TABLE fa_plan_version ALTER COLUMN summary DROP NOT NULL;
ALTER TABLE fa_plan_version ADD COLUMN created_by VARCHAR(64);
ALTER TABLE fa_plan_version ADD COLUMN created_at TIMESTAMP;
-- Whether every field of investigation must hold at least one action (the standard's six do).
ALTER TABLE fa_plan_version ADD COLUMN fields_mandatory BOOLEAN DEFAULT TRUE NOT NULL;
-- The version this one was copied from (a plan sent back, or changed during the three years).
ALTER TABLE fa_plan_version ADD COLUMN based_on_version INT;

CREATE TABLE fa_plan_field (
    plan_version_id  BIGINT        NOT NULL REFERENCES fa_plan_version (id),
    code             VARCHAR(20)   NOT NULL,
    position         INT           NOT NULL,
    name             VARCHAR(300)  NOT NULL,
    CONSTRAINT fa_plan_field_pk PRIMARY KEY (plan_version_id, code)
);

CREATE TABLE fa_plan_action (
    plan_version_id  BIGINT         NOT NULL,
    code             VARCHAR(20)    NOT NULL,
    field_code       VARCHAR(20)    NOT NULL,
    position         INT            NOT NULL,
    title            VARCHAR(300)   NOT NULL,
    description      VARCHAR(8000),
    objective        VARCHAR(4000),
    activities       VARCHAR(8000),
    owner            VARCHAR(300),
    actors           VARCHAR(2000),
    recipients       VARCHAR(2000),
    in_year1         BOOLEAN        NOT NULL,
    in_year2         BOOLEAN        NOT NULL,
    in_year3         BOOLEAN        NOT NULL,
    deadline         DATE,
    -- NULL: no cost, internal resources.
    budget_amount    DECIMAL(12, 2),
    funding_line     VARCHAR(300),
    finding_ref      VARCHAR(200),
    ptap_ref         VARCHAR(200),
    CONSTRAINT fa_plan_action_pk PRIMARY KEY (plan_version_id, code),
    CONSTRAINT fa_plan_action_field_fk FOREIGN KEY (plan_version_id, field_code)
        REFERENCES fa_plan_field (plan_version_id, code),
    CONSTRAINT fa_plan_action_budget_ck CHECK (budget_amount IS NULL OR budget_amount >= 0)
);

CREATE TABLE fa_plan_indicator (
    plan_version_id  BIGINT         NOT NULL,
    action_code      VARCHAR(20)    NOT NULL,
    position         INT            NOT NULL,
    name             VARCHAR(300)   NOT NULL,
    unit             VARCHAR(50),
    baseline         DECIMAL(14, 2),
    target_year1     DECIMAL(14, 2),
    target_year2     DECIMAL(14, 2),
    target_year3     DECIMAL(14, 2),
    CONSTRAINT fa_plan_indicator_pk PRIMARY KEY (plan_version_id, action_code, position),
    CONSTRAINT fa_plan_indicator_action_fk FOREIGN KEY (plan_version_id, action_code)
        REFERENCES fa_plan_action (plan_version_id, code)
);
