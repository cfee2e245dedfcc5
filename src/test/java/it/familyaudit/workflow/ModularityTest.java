package it.familyaudit.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The house's structure, kept by the build: feature modules (the packages under
 * {@code it.familyaudit.workflow}) in layers whose imports only point down, the engine's internals
 * in the engine module alone, and docs/modules.md drawing the modules as they are. To redraw it
 * after a change of structure: {@code ./mvnw test -Dtest=ModularityTest -Ddocs.update=true}.
 */
class ModularityTest {

    private static final String BASE = "it.familyaudit.workflow";
    private static final ApplicationModules MODULES = ApplicationModules.of(FamilyAuditApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
    private static final Path MODULES_PAGE = Path.of("docs/modules.md");
    private static final Path SOURCES = Path.of("src/main/java/it/familyaudit/workflow");
    private static final String DIAGRAM_START = "```mermaid";

    /**
     * Top to bottom: the ways in, the features in the order of the cycle (a later step may use an
     * earlier one, never the reverse), what the features share, and the ground.
     */
    private static final List<List<String>> LAYERS = List.of(
            List.of("web", "portal", "inbox", "demo"),
            List.of("mail"),
            List.of("monitoring"),
            List.of("certificate"),
            List.of("evaluation"),
            List.of("plan"),
            List.of("survey"),
            List.of("workinggroup"),
            List.of("attachment"),
            List.of("certification"),
            List.of("tasks", "audit", "organization", "document", "accounts"),
            List.of("engine", "security", "refusal"));

    @Test
    void modulesDependOnEachOtherWithoutACycleAndOnlyThroughTheirOwnPackage() {
        MODULES.verify();
    }

    @Test
    void everyModuleHasItsLayer() {
        List<String> layered = LAYERS.stream().flatMap(List::stream).toList();
        assertThat(MODULES.stream().map(ApplicationModule::getBasePackage)
                .map(p -> p.getName().substring(BASE.length() + 1)))
                .as("a new module needs its place in LAYERS").containsExactlyInAnyOrderElementsOf(layered);
    }

    @Test
    void importsOnlyPointDownTheLayers() {
        var architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> layer : LAYERS) {
            architecture = architecture.layer(name(layer)).definedBy(layer.stream()
                    .map(module -> BASE + "." + module + "..").toArray(String[]::new));
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(0, i).stream().map(ModularityTest::name).toArray(String[]::new);
            architecture = i == 0 ? architecture.whereLayer(name(LAYERS.get(0))).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(name(LAYERS.get(i))).mayOnlyBeAccessedByLayers(above);
        }
        architecture.check(CLASSES);
    }

    /**
     * The same rule read from the import lines: the compiler copies a constant (a {@code static final}
     * String) into the class that uses it, so the bytecode that the checks above read does not show
     * that import.
     */
    @Test
    void importLinesOnlyPointDownTheLayers() throws IOException {
        Pattern ownImport = Pattern.compile(
                "^import (?:static )?" + Pattern.quote(BASE) + "\\.([a-z]+)\\.", Pattern.MULTILINE);
        List<String> upwards = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(source);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                int from = layerOf(relative.getName(0).toString());
                var imports = ownImport.matcher(read(source));
                while (imports.find()) {
                    if (layerOf(imports.group(1)) < from) {
                        upwards.add(relative + " imports " + imports.group(1));
                    }
                }
            }
        }
        assertThat(upwards).as("imports that point up the layers").isEmpty();
    }

    /** What a move to a fork of the engine (new package names) touches: the engine module alone. */
    @Test
    void onlyTheEngineModuleUsesTheEnginesInternals() {
        noClasses().that().resideOutsideOfPackage(BASE + ".engine..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .check(CLASSES);
    }

    /** The engine's tables are read by the engine module alone, which knows their names. */
    @Test
    void onlyTheEngineModuleReadsTheEnginesTables() throws IOException {
        noClasses().that().resideOutsideOfPackage(BASE + ".engine..")
                .should().callMethod(ManagementService.class, "getTableName", Class.class)
                .check(CLASSES);
        Pattern engineTable = Pattern.compile("\\bACT_[A-Z]{2}_", Pattern.CASE_INSENSITIVE);
        assertThat(sourcesOutside("engine").filter(source -> engineTable.matcher(read(source)).find()))
                .as("sources naming an engine table (ACT_..._) outside the engine module").isEmpty();
    }

    /**
     * One owner per table: only {@code certification/CertificationRepository.java} names
     * {@code fa_certification} (the word, case-insensitive, not a longer name such as
     * {@code fa_certification_process}). Elsewhere in the certification package a comment line (one
     * starting with {@code //}, {@code /*} or {@code *}) may mention it; no other file may, not even
     * in a comment. Other features ask the certification package; those below it use an interface
     * of their own that it implements, or are given the value.
     */
    @Test
    void onlyTheCertificationRepositoryRunsSqlOnItsTable() throws IOException {
        Path root = Path.of("src/main/java/it/familyaudit/workflow");
        Path owner = root.resolve("certification/CertificationRepository.java");
        Pattern table = Pattern.compile("\\bfa_certification\\b(?!_)", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (source.equals(owner)) {
                    continue;
                }
                String[] lines = read(source).split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    boolean comment = line.startsWith("//") || line.startsWith("/*") || line.startsWith("*");
                    if (table.matcher(line).find() && !(comment && source.startsWith(root.resolve("certification")))) {
                        found.add(root.relativize(source) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(found).as("lines naming fa_certification outside certification/CertificationRepository.java")
                .isEmpty();
    }

    @Test
    void docsDrawTheModulesAsTheyAre() throws IOException {
        String diagram = diagram();
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        if (Boolean.getBoolean("docs.update")) {
            String page = Files.readString(MODULES_PAGE);
            int start = page.indexOf(DIAGRAM_START);
            int end = page.indexOf("```", start + DIAGRAM_START.length());
            Files.writeString(MODULES_PAGE, page.substring(0, start) + diagram + page.substring(end + 3));
            Path plantUml = Path.of("docs/modules");
            Files.createDirectories(plantUml);
            try (Stream<Path> drawn = Files.list(Path.of("target/spring-modulith-docs"))) {
                for (Path file : drawn.filter(p -> p.toString().endsWith(".puml")).toList()) {
                    Files.copy(file, plantUml.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertThat(Files.readString(MODULES_PAGE))
                .as("docs/modules.md draws today's modules: redraw it with -Ddocs.update=true")
                .contains(diagram);
    }

    /**
     * The modules, a row per layer, and their direct dependencies as a Mermaid graph (GitHub draws
     * it): a text that changes only when the structure does.
     */
    private static String diagram() {
        List<String> lines = new ArrayList<>();
        lines.add(DIAGRAM_START);
        lines.add("flowchart TD");
        for (int i = 0; i < LAYERS.size(); i++) {
            lines.add("  subgraph layer" + i + "[\"" + String.join(" · ", LAYERS.get(i)) + "\"]");
            LAYERS.get(i).forEach(module -> lines.add("    " + module));
            lines.add("  end");
        }
        TreeSet<String> edges = new TreeSet<>();
        for (ApplicationModule module : MODULES) {
            module.getDirectDependencies(MODULES).stream()
                    .forEach(d -> edges.add("  " + module.getName() + " --> " + d.getTargetModule().getName()));
        }
        lines.addAll(edges);
        lines.add("```");
        return String.join("\n", lines);
    }

    private static String name(List<String> layer) {
        return String.join(" ", layer);
    }

    private static int layerOf(String module) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(module)) {
                return i;
            }
        }
        throw new IllegalStateException("Module " + module + " has no layer in LAYERS");
    }

    private static Stream<Path> sourcesOutside(String module) throws IOException {
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            return sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(SOURCES.resolve(module))).toList().stream();
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
