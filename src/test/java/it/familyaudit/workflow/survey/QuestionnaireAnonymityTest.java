package it.familyaudit.workflow.survey;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.engine.EngineTime;
import it.familyaudit.workflow.survey.CampaignRepository.Published;
import it.familyaudit.workflow.support.ApiTestBase;
import it.familyaudit.workflow.survey.invitations.InvitationCodes;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck.Answers;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck;
import it.familyaudit.workflow.survey.publicpage.AnswerIntake.Outcome;
import it.familyaudit.workflow.survey.publicpage.AnswerIntake;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Anonymity by construction, on the schema itself: nothing in the answer and text tables can lead
 * to a code, a user, an address or a time finer than the day; and of submissions racing with the
 * same code exactly one is stored. Run on H2 and, by a subclass, on PostgreSQL.
 */
class QuestionnaireAnonymityTest extends ApiTestBase {

    @Autowired
    DataSource dataSource;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    AnswerIntake intake;
    @Autowired
    QuestionnaireForms forms;

    /** Column name, SQL type and whether the database generates it. */
    record Column(String name, int type, boolean generated) {
    }

    @Test
    void anAnswerRowHoldsTheCampaignTheDayTheProfileAndTheAnswersAndNothingElse() throws Exception {
        Map<String, Column> answer = columns("fa_questionnaire_answer");
        assertThat(answer).containsOnlyKeys("id", "campaign_id", "answer_day", "profile", "answers");
        assertThat(answer.get("answer_day").type()).as("a day, not a time").isEqualTo(Types.DATE);
        assertThat(answer.values()).as("no counter or default the database fills in (its order would follow the submissions)")
                .noneMatch(Column::generated);
        assertThat(answer.get("id").type()).as("a random id").isIn(Types.OTHER, Types.BINARY, Types.JAVA_OBJECT);

        Map<String, Column> text = columns("fa_questionnaire_text");
        assertThat(text).as("free texts: not even the day, nor the profile").containsOnlyKeys("id", "campaign_id",
                "question_key", "body");
        assertThat(text.values()).noneMatch(Column::generated);
    }

    @Test
    void noKeyLinksAnAnswerOrATextToACodeOrToAnythingButItsCampaign() throws Exception {
        for (String table : List.of("fa_questionnaire_answer", "fa_questionnaire_text", "fa_questionnaire_code",
                "fa_questionnaire_ballot")) {
            assertThat(importedKeys(table)).as("foreign keys of %s", table)
                    .containsExactly("campaign_id -> fa_questionnaire_campaign.id");
            assertThat(exportedKeys(table)).as("foreign keys pointing at %s", table).isEmpty();
        }
        assertThat(columns("fa_questionnaire_code")).as("a code row: its hash and whether it was used, no time")
                .containsOnlyKeys("campaign_id", "code_hash", "used");
        assertThat(columns("fa_questionnaire_ballot")).as("a browser's claim: a digest of its cookie, no time")
                .containsOnlyKeys("campaign_id", "ballot_hash");
    }

    @Test
    void nothingInTheQuestionnaireTablesCanNameAPersonAnAddressOrATime() throws Exception {
        for (String table : List.of("fa_questionnaire_answer", "fa_questionnaire_text", "fa_questionnaire_code",
                "fa_questionnaire_ballot")) {
            for (Column c : columns(table).values()) {
                assertThat(c.name()).as("%s.%s", table, c.name())
                        .doesNotContain("user", "by", "ip", "address", "agent", "session", "cookie", "token", "seq", "created");
                assertThat(c.type()).as("%s.%s", table, c.name())
                        .isNotIn(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME, Types.TIME_WITH_TIMEZONE);
            }
        }
    }

    @Test
    void ofSubmissionsRacingWithTheSameCodeExactlyOneIsStored() throws Exception {
        QuestionnaireDriver questionnaire = new QuestionnaireDriver(driver, mvc).toQuestionnaire().open("codes", 12);
        List<String> codes = questionnaire.issueCodes();
        Published published = campaigns.published(questionnaire.token).orElseThrow();
        Answers answers = AnswerCheck.check(forms.of(published.campaign().id()), QuestionnaireFormTest.valid(),
                new ArrayList<>());
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (String code : codes) {
                String canonical = InvitationCodes.canonical(code).orElseThrow();
                CyclicBarrier start = new CyclicBarrier(racers);
                List<Future<Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    outcomes.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return intake.submit(published.campaign(), published.codeKey(), canonical, answers, EngineTime.today());
                    }));
                }
                List<Outcome> results = new ArrayList<>();
                for (Future<Outcome> f : outcomes) {
                    results.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(results).as("code %s", code).containsOnlyOnce(Outcome.ACCEPTED)
                        .filteredOn(o -> o != Outcome.ACCEPTED).containsOnly(Outcome.CODE_USED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(questionnaire.campaign().path("answers").asInt()).isEqualTo(codes.size());
    }

    private Map<String, Column> columns(String table) throws Exception {
        Map<String, Column> columns = new HashMap<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getColumns(null, null, name(c, table), null)) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                columns.put(name, new Column(name, rs.getInt("DATA_TYPE"),
                        "YES".equals(rs.getString("IS_AUTOINCREMENT")) || "YES".equals(rs.getString("IS_GENERATEDCOLUMN"))
                                || rs.getString("COLUMN_DEF") != null && !name.equals("used")));
            }
        }
        assertThat(columns).as("columns of %s", table).isNotEmpty();
        return columns;
    }

    private List<String> importedKeys(String table) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getImportedKeys(null, null, name(c, table))) {
            while (rs.next()) {
                keys.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                        + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "." + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    private List<String> exportedKeys(String table) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getExportedKeys(null, null, name(c, table))) {
            while (rs.next()) {
                keys.add(rs.getString("FKTABLE_NAME") + "." + rs.getString("FKCOLUMN_NAME"));
            }
        }
        return keys;
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
    private static String name(Connection c, String table) throws Exception {
        DatabaseMetaData meta = c.getMetaData();
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }
}
