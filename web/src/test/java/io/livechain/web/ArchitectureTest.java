package io.livechain.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import io.livechain.desk.DeskChanges;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.shared.DeskCommand;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules: the domain knows no framework but Axon's modelling annotations, the application no web or
 * jOOQ, the web layer no jOOQ table, and modules depend only downward; the product knows neither the demo nor the
 * backtest. Modules share package names (a context spans them), so classes are told apart by the module they were
 * compiled in.
 */
class ArchitectureTest {

    private static JavaClasses all;
    private static Set<String> domain;
    private static Set<String> application;
    private static Set<String> infrastructure;
    private static Set<String> web;

    @BeforeAll
    static void importModules() {
        all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::isLiveChainModule)
                .importPackages("io.livechain");
        domain = namesIn("domain");
        application = namesIn("application");
        infrastructure = namesIn("infrastructure");
        web = namesIn("web");
    }

    @Test
    void the_domain_knows_no_spring_jooq_or_web() {
        noClasses()
                .that(in(domain, "domain"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.jooq..", "jakarta.servlet..", "tools.jackson..")
                .check(all);
    }

    @Test
    void the_domain_depends_on_nothing_above_it() {
        noClasses()
                .that(in(domain, "domain"))
                .should()
                .dependOnClassesThat(in(union(application, infrastructure, web), "application, infrastructure or web"))
                .check(all);
    }

    @Test
    void the_application_knows_no_web_and_no_jooq() {
        noClasses()
                .that(in(application, "application"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.jooq..", "jakarta.servlet..")
                .check(all);
        noClasses()
                .that(in(application, "application"))
                .should()
                .dependOnClassesThat(in(union(infrastructure, web), "infrastructure or web"))
                .check(all);
    }

    @Test
    void the_web_cannot_reach_jooq_or_infrastructure() {
        noClasses()
                .that(in(web, "web"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "io.livechain.infrastructure..")
                .check(all);
        noClasses()
                .that(in(web, "web"))
                .should()
                .dependOnClassesThat(in(infrastructure, "infrastructure"))
                .check(all);
    }

    @Test
    void the_infrastructure_does_not_depend_on_the_web() {
        noClasses()
                .that(in(infrastructure, "infrastructure"))
                .should()
                .dependOnClassesThat(in(web, "web"))
                .check(all);
    }

    @Test
    void the_product_depends_on_neither_the_demo_nor_the_backtest() {
        // both are modules of their own on top of the product (demo/, backtest/); their packages are theirs alone
        noClasses()
                .that(in(union(domain, application, infrastructure, web), "product"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.livechain.demo..", "io.livechain.forecast.backtest..")
                .check(all);
    }

    @Test
    void every_desk_decision_is_a_named_use_case_in_its_contexts_desk_package() {
        classes()
                .that()
                .implement(UseCase.class)
                .and(in(application, "application"))
                .should()
                .resideInAPackage("io.livechain.*.desk")
                .andShould()
                .beRecords()
                .check(all);
    }

    @Test
    void only_the_desk_changes_its_aggregates() {
        // endpoints hand use cases to the desk; reading or changing the desk's state is the desk's alone
        noClasses()
                .that(in(union(web, infrastructure), "web or infrastructure"))
                .should()
                .dependOnClassesThat()
                .areAssignableTo(DeskChanges.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(DeskState.class)
                .check(all);
    }

    @Test
    void what_sends_on_the_command_bus_never_builds_a_desk_command() {
        // the command bus also refuses desk commands at run time (DeskCommandsStayOffTheBus)
        DescribedPredicate<JavaClass> sendsOnTheBus = DescribedPredicate.describe(
                "send on the command bus",
                javaClass -> javaClass.getDirectDependenciesFromSelf().stream()
                        .anyMatch(dependency -> dependency.getTargetClass().isAssignableTo(CommandGateway.class)));
        noClasses()
                .that(in(application, "application"))
                .and(sendsOnTheBus)
                .should()
                .dependOnClassesThat()
                .implement(DeskCommand.class)
                .check(all);
        classes()
                .that()
                .implement(DeskCommand.class)
                .should()
                .resideInAPackage("io.livechain.*.command")
                .check(all);
    }

    @Test
    void the_domains_contexts_depend_on_each_other_one_way_only() {
        // shared (ids, limits, text) <- participant <- catalog, order, production <- sales, delivery <- stock
        slices().matching("io.livechain.(*)..").should().beFreeOfCycles().check(all.that(in(domain, "domain")));
        noClasses()
                .that(in(domain, "domain"))
                .and()
                .resideInAPackage("io.livechain.shared..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("io.livechain.shared..", "java..", "org.axonframework..")
                .check(all);
    }

    private static boolean isLiveChainModule(Location location) {
        return module(location) != null;
    }

    private static String module(Location location) {
        String uri = location.asURI().toString();
        for (String module : new String[] {"domain", "application", "infrastructure", "web"}) {
            if (uri.contains("/" + module + "/target/classes/") || uri.contains("livechain-" + module + "-")) {
                return module;
            }
        }
        return null;
    }

    private static Set<String> namesIn(String module) {
        return all.stream()
                .filter(javaClass -> javaClass
                        .getSource()
                        .map(source -> module.equals(module(Location.of(source.getUri()))))
                        .orElse(false))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return java.util.Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toSet());
    }

    private static DescribedPredicate<JavaClass> in(Set<String> names, String description) {
        return DescribedPredicate.describe(
                "in the " + description + " module", javaClass -> names.contains(javaClass.getName()));
    }
}
