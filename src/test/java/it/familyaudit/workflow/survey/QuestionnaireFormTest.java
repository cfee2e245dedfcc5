package it.familyaudit.workflow.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.familyaudit.workflow.support.ApiDriver;
import it.familyaudit.workflow.survey.Questionnaire.Kind;
import it.familyaudit.workflow.survey.Questionnaire.Question;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck.Answers;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck.Problem;
import it.familyaudit.workflow.survey.publicpage.AnswerCheck;
import it.familyaudit.workflow.survey.publicpage.Message;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default questionnaire ({@code forms/needs-questionnaire.form}) and the server's check of answers to it. */
class QuestionnaireFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Questionnaire standard() throws IOException {
        try (InputStream in = QuestionnaireFormTest.class.getResourceAsStream("/forms/needs-questionnaire.form")) {
            return Questionnaire.parse(JSON.readTree(in));
        }
    }

    /** A complete, valid submission to the default questionnaire, as the page would post it. */
    static Map<String, String[]> valid() {
        return ApiDriver.questionnaireAnswer();
    }

    @Test
    void theDefaultQuestionnaireAsksWhatTheFamilyAuditNeedsAnalysisCovers() throws IOException {
        Questionnaire q = standard();
        assertThat(q.questions()).extracting(Question::key).contains("orario_soddisfazione", "flessibilita",
                "lavoro_agile", "cura_conciliazione", "servizi", "comunicazione_informazione", "benessere_clima",
                "benessere_equilibrio", "proposte", "criticita");
        assertThat(q.profileQuestions()).extracting(Question::key).containsExactly("profilo_genere", "profilo_eta",
                "profilo_categoria", "profilo_contratto", "profilo_cura");
        assertThat(q.question("servizi").orElseThrow().kind()).isEqualTo(Kind.MULTIPLE);
        assertThat(q.question("proposte").orElseThrow().kind()).isEqualTo(Kind.TEXT);
        assertThat(q.question("benessere_clima").orElseThrow().scale()).isTrue();
    }

    @Test
    void everyQuestionAndEveryOptionHasAnItalianAndAnEnglishText() throws IOException {
        for (Question q : standard().questions()) {
            assertThat(q.label().it()).as(q.key()).isNotBlank();
            assertThat(q.label().en()).as(q.key() + " in English").isNotBlank().isNotEqualTo(q.label().it());
            q.options().forEach(o -> assertThat(o.label().en()).as(q.key() + "." + o.value() + " in English").isNotBlank());
        }
    }

    @Test
    void aValidSubmissionIsSplitIntoProfileChoicesAndFreeTexts() throws IOException {
        List<Problem> problems = new ArrayList<>();
        Answers answers = AnswerCheck.check(standard(), valid(), problems);
        assertThat(problems).isEmpty();
        assertThat(answers.profile()).containsEntry("profilo_genere", "F").hasSize(5);
        assertThat(answers.choices()).containsEntry("orario_soddisfazione", "4")
                .containsEntry("flessibilita", List.of("entrata-uscita", "banca-ore"))
                .doesNotContainKeys("profilo_genere", "proposte");
        assertThat(answers.texts()).containsOnlyKeys("proposte");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Map<String, String[]> bad = valid();
        bad.remove("benessere_clima");                                    // missing required answer
        bad.put("orario_soddisfazione", new String[] {"9"});              // not an option
        bad.put("servizi", new String[] {"nido", "piscina"});             // one not an option
        bad.put("lavoro_agile", new String[] {"regolarmente", "no-vorrei"}); // two answers to a single choice
        bad.put("proposte", new String[] {"x".repeat(2001)});             // too long
        bad.put("criticita", new String[] {"ciao\u0000"});                // control character
        bad.put("estraneo", new String[] {"ignored"});                    // not a question: ignored
        List<Problem> problems = new ArrayList<>();
        AnswerCheck.check(standard(), bad, problems);
        assertThat(problems).extracting(Problem::key, Problem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("benessere_clima", Message.REQUIRED),
                org.assertj.core.groups.Tuple.tuple("orario_soddisfazione", Message.NOT_AN_OPTION),
                org.assertj.core.groups.Tuple.tuple("servizi", Message.NOT_AN_OPTION),
                org.assertj.core.groups.Tuple.tuple("lavoro_agile", Message.ONE_ONLY),
                org.assertj.core.groups.Tuple.tuple("proposte", Message.TOO_LONG),
                org.assertj.core.groups.Tuple.tuple("criticita", Message.CONTROL_CHARACTERS));
        assertThat(problems.stream().filter(p -> p.key().equals("proposte")).findFirst().orElseThrow().text(Lang.EN))
                .isEqualTo("At most 2000 characters (2001 were written)");
    }

    @Test
    void aQuestionTheServerCouldNotCheckStopsTheFormFromBeingUsed() throws IOException {
        JsonNode number = JSON.readTree("""
                {"id": "x", "components": [{"type": "number", "key": "eta", "label": "Età"}]}""");
        assertThatThrownBy(() -> Questionnaire.parse(number)).hasMessageContaining("'number' is not supported");
        JsonNode checklistProfile = JSON.readTree("""
                {"id": "x", "components": [{"type": "checklist", "key": "profilo_x", "label": "X",
                  "values": [{"label": "a", "value": "a"}, {"label": "b", "value": "b"}]}]}""");
        assertThatThrownBy(() -> Questionnaire.parse(checklistProfile)).hasMessageContaining("single choice");
    }
}
