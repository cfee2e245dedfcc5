-- Positive-action plans (PTAP/PIAO) fund a whole field of investigation as well as single actions, and
-- measure some indicators only in some plan years.

-- NULL: the field has no money of its own; its actions may still have theirs.
ALTER TABLE fa_plan_field ADD COLUMN budget_amount DECIMAL(12, 2);
ALTER TABLE fa_plan_field ADD COLUMN funding_line VARCHAR(300);
ALTER TABLE fa_plan_field ADD CONSTRAINT fa_plan_field_budget_ck CHECK (budget_amount IS NULL OR budget_amount >= 0);

-- All three FALSE: measured every year its action runs, as every indicator written before this was.
ALTER TABLE fa_plan_indicator ADD COLUMN in_year1 BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE fa_plan_indicator ADD COLUMN in_year2 BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE fa_plan_indicator ADD COLUMN in_year3 BOOLEAN DEFAULT FALSE NOT NULL;
