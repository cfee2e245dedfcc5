package it.familyaudit.workflow.plan.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import it.familyaudit.workflow.plan.Indicator;
import it.familyaudit.workflow.plan.PlanAction;
import it.familyaudit.workflow.plan.PlanContent;
import it.familyaudit.workflow.plan.PlanField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Export then import gives the same plan, for CSV and .xlsx, over many random plans. */
class PlanRoundTripTest {

    interface Format {
        byte[] write(String title, boolean fieldsMandatory, PlanContent content);

        PlanImport read(byte[] bytes);
    }

    static final Format CSV = new Format() {
        public byte[] write(String title, boolean fieldsMandatory, PlanContent content) {
            return PlanCsv.write(title, fieldsMandatory, content);
        }

        public PlanImport read(byte[] bytes) {
            return PlanCsv.read(bytes);
        }

        public String toString() {
            return "CSV";
        }
    };

    static final Format XLSX = new Format() {
        public byte[] write(String title, boolean fieldsMandatory, PlanContent content) {
            return PlanXlsx.write(title, fieldsMandatory, content);
        }

        public PlanImport read(byte[] bytes) {
            return PlanXlsx.read(bytes);
        }

        public String toString() {
            return "XLSX";
        }
    };

    static Stream<Arguments> randomPlans() {
        return LongStream.range(0, 60).boxed().flatMap(seed -> Stream.of(
                Arguments.of(CSV, seed, false), Arguments.of(XLSX, seed, true)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("randomPlans")
    void exportThenImportGivesTheSamePlan(Format format, long seed, boolean controlCharacters) {
        PlanContent plan = PlanSamples.random(seed, 1 + (int) (seed % 25), controlCharacters);
        Random r = new Random(seed);
        String title = r.nextInt(4) == 0 ? null : PlanSamples.text(r, 100, controlCharacters, null);
        boolean mandatory = r.nextBoolean();

        PlanImport back = format.read(format.write(title, mandatory, plan));

        assertThat(back.content()).isEqualTo(plan);
        assertThat(back.title()).isEqualTo(title);
        assertThat(back.fieldsMandatory()).isEqualTo(mandatory);
    }

    static Stream<Format> formats() {
        return Stream.of(CSV, XLSX);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aPlanOfFiveHundredActionsSurvivesTheRoundTrip(Format format) {
        PlanContent plan = PlanSamples.random(500, 500, format == XLSX);
        assertThat(plan.actions()).hasSizeGreaterThan(400);

        PlanImport back = format.read(format.write("Piano grande", true, plan));

        assertThat(back.content()).isEqualTo(plan);
        assertThat(back.actionRows()).hasSize(plan.actions().size()).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void fieldsWithoutActionsEmptyOptionalCellsAndNoBudgetSurvive(Format format) {
        List<PlanField> fields = List.of(new PlanField("1", "Organizzazione del lavoro"), new PlanField("2", "Vuoto"),
                new PlanField("3", "Comunicazione"), new PlanField("4", "Anche vuoto"));
        PlanAction bare = new PlanAction("1.1", "1", "Solo il titolo", null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        PlanAction full = new PlanAction("3.1", "3", "'Titolo tra apostrofi'", "=1+1", "+39", "-meno", "@tutti",
                "\tCUG", "Tutto il personale; \"anche\" i neoassunti\nseconda riga", new TreeSet<>(List.of(1, 2, 3)),
                java.time.LocalDate.of(2027, 12, 31), new BigDecimal("1500"), "''", "'", "'=x",
                List.of(new Indicator("Corsi", "n.", BigDecimal.ZERO, new BigDecimal("2.5"), null, new BigDecimal("-3")),
                        new Indicator("Solo il nome", null, null, null, null, null)));
        PlanContent plan = new PlanContent(fields, List.of(bare, new PlanAction(full.code(), full.fieldCode(),
                full.title(), full.description(), full.objective(), full.activities(), full.owner(), "CUG",
                full.recipients(), full.years(), full.deadline(), full.budget(), full.fundingLine(), full.findingRef(),
                full.ptapRef(), full.indicators())));

        PlanImport back = format.read(format.write(null, false, plan));

        assertThat(back.content()).isEqualTo(plan);
        assertThat(back.title()).isNull();
        assertThat(back.fieldsMandatory()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void anEmptyPlanWithItsStandardFieldsSurvives(Format format) {
        PlanImport back = format.read(format.write("Nuovo piano", true, PlanContent.empty()));

        assertThat(back.content()).isEqualTo(PlanContent.empty());
        assertThat(back.fieldRows()).containsExactly(2, 3, 4, 5, 6, 7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aFieldsOwnBudgetAndAnIndicatorMeasuredOnlyInYearThreeSurvive(Format format) {
        List<PlanField> fields = List.of(new PlanField("1", "Organizzazione del lavoro", new BigDecimal("25000.50"),
                "PIAO 2026-2028, sezione benessere"), new PlanField("2", "Comunicazione"),
                new PlanField("3", "Solo la linea", null, "Fondi propri"));
        PlanAction action = new PlanAction("1.1", "1", "Ripensare la flessibilità", null, null, null, null, null, null,
                new TreeSet<>(List.of(1, 2, 3)), null, new BigDecimal("1500"), "Bilancio dell'ente", null, null,
                List.of(new Indicator("Orario flessibile", "%", new BigDecimal("10"), new BigDecimal("20"),
                                new BigDecimal("30"), new BigDecimal("40")),
                        new Indicator("Indagine sul benessere", "%", null, null, null, new BigDecimal("80"),
                                new TreeSet<>(List.of(3)))));
        PlanContent plan = new PlanContent(fields, List.of(action,
                new PlanAction("2.1", "2", "Sportello", null, null, null, null, null, null, new TreeSet<>(List.of(2)),
                        null, null, null, null, null, List.of())));

        PlanImport back = format.read(format.write("Piano", true, plan));

        assertThat(back.content()).isEqualTo(plan);
        assertThat(back.content().fields().get(0).budget()).isEqualByComparingTo("25000.5");
        assertThat(back.content().actions().get(0).indicators().get(1).years()).containsExactly(3);
        assertThat(back.content().actions().get(0).indicators().get(0).years()).isEmpty();
        assertThat(back.fieldRows()).containsExactly(2, 5, 7);
        assertThat(back.fieldBudgetRows()).as("each field's heading row").containsExactly(2, 5, 7);
    }
}
