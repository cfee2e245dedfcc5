-- A shared-link campaign's one answer per browser (AnswerIntake): a digest of the browser's random cookie,
-- kept in the database so that every instance of the application refuses the second answer, and deleted
-- when the campaign is sealed. Nothing ties a row here to an answer: no time, no id of the answer.
CREATE TABLE fa_questionnaire_ballot (
    campaign_id  BIGINT       NOT NULL REFERENCES fa_questionnaire_campaign (id),
    ballot_hash  VARCHAR(64)  NOT NULL,
    CONSTRAINT fa_questionnaire_ballot_pk PRIMARY KEY (campaign_id, ballot_hash)
);
