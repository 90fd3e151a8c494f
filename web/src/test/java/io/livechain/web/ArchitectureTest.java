package io.livechain.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
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
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules: the domain knows no framework but Axon's modelling annotations, the application no web or
 * jOOQ, the web layer no jOOQ table, and modules depend only downward; the product knows neither the demo nor the
 * backtest; and the contexts depend on each other one way, in the domain and in the application. Modules share
 * package names (a context spans them), so classes are told apart by the module they were compiled in.
 */
class ArchitectureTest {

    /** The desk every use case runs on ({@code io.livechain.<context>.desk} holds the use cases themselves). */
    private static final String GENERIC_DESK = "io.livechain.desk";

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
        // shared (ids, limits, text, SKUs) <- participant <- catalog, order, production <- sales, delivery <- stock
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

    @Test
    void the_applications_contexts_depend_on_each_other_one_way_only() {
        // what a context's use cases, sagas, policies and queries reach, in the application or in the domain, goes
        // one way too: shared <- participant <- stock <- catalog <- sales <- order <- delivery, and production above
        // catalog and stock. The generic desk, which runs every context's use cases on every context's aggregates,
        // is the frame between them, not a context (see the next rule); the domain's own dependencies have the rule
        // above.
        slices().matching("io.livechain.(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(in(domain, "domain"), DescribedPredicate.alwaysTrue())
                .check(all.that(in(union(domain, application), "domain or application"))
                        .that(resideOutsideOfPackage(GENERIC_DESK)));
    }

    @Test
    void the_generic_desk_depends_on_no_contexts_use_case() {
        // it holds the aggregates the use cases decide on, the requests' recorded answers and the positions of what
        // it appended (read your writes); nothing above them
        noClasses()
                .that(in(application, "application"))
                .and()
                .resideInAPackage(GENERIC_DESK)
                .should()
                .dependOnClassesThat(in(application, "application")
                        .and(resideOutsideOfPackages(GENERIC_DESK, "io.livechain.access..", "io.livechain.position..")))
                .check(all);
    }

    @Test
    void no_decision_reads_a_read_model() {
        // use cases, sagas, policies and claims decide on aggregates; read models lag behind them and are for the
        // web's questions
        noClasses()
                .that(in(application, "application"))
                .and()
                .resideInAnyPackage(
                        GENERIC_DESK,
                        "io.livechain.*.desk..",
                        "io.livechain.*.saga..",
                        "io.livechain.*.policy..",
                        "io.livechain.*.claim..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.livechain.*.query..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(QueryGateway.class)
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
