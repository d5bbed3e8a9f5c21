package dev.pulse.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;
import org.apache.kafka.streams.state.internals.StateStoreProvider;
import org.apache.kafka.streams.state.internals.WithRetentionPeriod;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries as tests. The app module is the one whose test classpath holds every module's
 * classes, so the rules for all of them live here; each rule's {@code because} says why it holds
 * and how to fix a violation. The module READMEs list the same rules in words.
 */
class ArchitectureTest {
    private static final JavaClasses PULSE =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    // In a reactor build past `package`, other modules' test classes come as
                    // *-tests.jar (the test-jar dependencies), which DO_NOT_INCLUDE_TESTS misses.
                    .withImportOption(location -> !location.contains("-tests.jar"))
                    .importPackages("dev.pulse");

    /** Records and plain-Java logic: what is computed, usable without a broker. */
    private static final String[] DOMAIN = {
        "dev.pulse.topologies.account..",
        "dev.pulse.topologies.alert..",
        "dev.pulse.topologies.engagement..",
        "dev.pulse.topologies.event..",
        "dev.pulse.topologies.followup..",
        "dev.pulse.topologies.health..",
        "dev.pulse.topologies.journey..",
        "dev.pulse.topologies.risk..",
        "dev.pulse.topologies.text..",
        "dev.pulse.topologies.time..",
        "dev.pulse.notify.model..",
    };

    private static final String FRONT_ENDS_API = "dev.pulse.api..";
    private static final String FRONT_ENDS_BOT = "dev.pulse.bot..";

    /** Renders report data into files: a front end of sorts, it gets everything from access. */
    private static final String FRONT_ENDS_REPORTS = "dev.pulse.reports..";

    /**
     * Serves this instance's local state to other instances (the far end of RoutingStateReader):
     * part of the read layer, not a front end for people, so it reads TenantStateReader directly.
     */
    private static final String API_INTERNAL_READS = "dev.pulse.api.internal..";

    static final ArchRule DOMAIN_IMPORTS_NO_KAFKA =
            noClasses()
                    .that()
                    .resideInAnyPackage(DOMAIN)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.apache.kafka..")
                    .because(
                            "domain records and logic are plain Java that the backtest, the front"
                                    + " ends and unit tests use without a broker; move the Kafka"
                                    + " part (serde, processor, store) to topologies.serde,"
                                    + " .pipeline, .topic or .json");

    static final ArchRule NO_STREAMS_INTERNALS =
            noClasses()
                    .should()
                    .dependOnClassesThat(
                            JavaClass.Predicates.resideInAPackage(
                                            "org.apache.kafka.streams..internals..")
                                    // Exceptions: the public QueryableStoreType contract
                                    // (custom store types, as Kafka's docs on querying custom
                                    // stores show) hands its implementations this provider; and
                                    // the cache-flush hook, the only call before a commit, and the
                                    // retention a restore skips expired windows by, which
                                    // WriteBehindWindowStore needs (pinned by EngagementCrashIT and
                                    // WriteBehindWindowStoreTest).
                                    .and(
                                            DescribedPredicate.not(
                                                    JavaClass.Predicates.equivalentTo(
                                                            StateStoreProvider.class)))
                                    .and(
                                            DescribedPredicate.not(
                                                    JavaClass.Predicates.equivalentTo(
                                                            CachedStateStore.class)))
                                    .and(
                                            DescribedPredicate.not(
                                                    JavaClass.Predicates.equivalentTo(
                                                            CacheFlushListener.class)))
                                    .and(
                                            DescribedPredicate.not(
                                                    JavaClass.Predicates.equivalentTo(
                                                            WithRetentionPeriod.class))))
                    .because(
                            "Kafka Streams' internals change without notice between releases; use"
                                    + " the public API (KafkaStreams.store, StoreQueryParameters,"
                                    + " the state interfaces) instead");

    static final ArchRule API_DOES_NOT_USE_BOT =
            noClasses()
                    .that()
                    .resideInAPackage(FRONT_ENDS_API)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(FRONT_ENDS_BOT)
                    .because(
                            "the HTTP API and the chat bot are peer front ends; what both need"
                                    + " belongs in the access use cases, not in one of them");

    static final ArchRule BOT_DOES_NOT_USE_API =
            noClasses()
                    .that()
                    .resideInAPackage(FRONT_ENDS_BOT)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(FRONT_ENDS_API)
                    .because(
                            "the chat bot and the HTTP API are peer front ends; what both need"
                                    + " belongs in the access use cases, not in one of them");

    static final ArchRule REPORTS_USE_NO_FRONT_END =
            noClasses()
                    .that()
                    .resideInAPackage(FRONT_ENDS_REPORTS)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(FRONT_ENDS_API, FRONT_ENDS_BOT, "dev.pulse.notify..")
                    .because(
                            "reports render what the access use cases return, for every front end"
                                    + " (API, bot, schedules); move what a renderer needs from a"
                                    + " front end into access or into the reports module");

    static final ArchRule NOTIFIER_USES_NO_FRONT_END =
            noClasses()
                    .that()
                    .resideInAPackage("dev.pulse.notify..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(FRONT_ENDS_API, FRONT_ENDS_BOT)
                    .because(
                            "the notifier routes alerts to channels and runs without any front end;"
                                    + " a front end plugs in by implementing notify.channel.Channel"
                                    + " (as the bot's *AlertChannel classes do)");

    private static final String WAREHOUSE = "dev.pulse.warehouse..";

    static final ArchRule WAREHOUSE_USES_NO_FRONT_END =
            noClasses()
                    .that()
                    .resideInAPackage(WAREHOUSE)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            FRONT_ENDS_API,
                            FRONT_ENDS_BOT,
                            FRONT_ENDS_REPORTS,
                            "dev.pulse.notify..")
                    .because(
                            "the warehouse moves data between Kafka and PostgreSQL below every"
                                    + " front end; the API sees it only through"
                                    + " api.admin.WarehouseAdmin, which the app module implements");

    static final ArchRule FRONT_ENDS_DO_NOT_USE_THE_WAREHOUSE =
            noClasses()
                    .that()
                    .resideInAnyPackage(FRONT_ENDS_API, FRONT_ENDS_BOT, FRONT_ENDS_REPORTS)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(WAREHOUSE)
                    .because(
                            "history older than the stores reaches front ends through the read"
                                    + " layer (the app module puts warehouse.history.HistoryReader"
                                    + " in front of it), so a front end never knows where a day"
                                    + " is kept; take TenantStateReader or a use case instead");

    static final ArchRule BACKFILL_STAYS_BELOW_THE_RUNTIME =
            noClasses()
                    .that()
                    .resideInAPackage("dev.pulse.backfill..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.pulse.streams..",
                            "dev.pulse.access..",
                            "dev.pulse.notify..",
                            "dev.pulse.app..",
                            "org.apache.kafka.streams..")
                    .because(
                            "the backfill job runs on Flink task managers with only topologies'"
                                + " code and hands its days over on a topic; what needs Pulse's"
                                + " runtime or configuration (topic set-up, the command) belongs in"
                                + " the launcher (app), which wires the backfill module");

    static final ArchRule FRONT_ENDS_DO_NOT_TOUCH_STORES =
            noClasses()
                    .that()
                    .resideInAnyPackage(FRONT_ENDS_API, FRONT_ENDS_BOT, FRONT_ENDS_REPORTS)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.apache.kafka.streams.state..")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("org.apache.kafka.streams.KafkaStreams")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("dev.pulse.streams.read.LocalStateReader")
                    .orShould()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("dev.pulse.streams.read.RoutingStateReader")
                    .because(
                            "which instance holds a tenant and whether its store is ready is the"
                                    + " read layer's business; take the reader or use case that the"
                                    + " app module wires in instead of a store or KafkaStreams");

    /** Authentication turns a request into the Caller the use cases take: it holds the reader. */
    private static final String COMPOSES_CALLERS = "dev.pulse.api.auth..";

    /** Composition roots: they hand the unchecked reader to what builds each Caller. */
    private static final DescribedPredicate<JavaClass> WIRING =
            DescribedPredicate.describe(
                    "are not a composition root (ApiDependencies, ApiRouter, PulseBotEngine)",
                    c ->
                            !Set.of(
                                            "dev.pulse.api.ApiDependencies",
                                            "dev.pulse.api.ApiRouter",
                                            "dev.pulse.bot.core.PulseBotEngine")
                                    .contains(c.getName()));

    static final ArchRule FRONT_ENDS_USE_THE_USE_CASES =
            noClasses()
                    .that()
                    .resideInAnyPackage(FRONT_ENDS_API, FRONT_ENDS_BOT, FRONT_ENDS_REPORTS)
                    .and()
                    .resideOutsideOfPackages(API_INTERNAL_READS, COMPOSES_CALLERS)
                    .and(WIRING)
                    .should()
                    .dependOnClassesThat()
                    .haveFullyQualifiedName("dev.pulse.streams.read.TenantStateReader")
                    .because(
                            "a use case written once per front end drifts; call the use case in"
                                    + " dev.pulse.access, which authorizes, audits and then reads");

    @Test
    void domainPackagesImportNoKafka() {
        DOMAIN_IMPORTS_NO_KAFKA.check(PULSE);
    }

    @Test
    void nothingReadsKafkaStreamsInternals() {
        NO_STREAMS_INTERNALS.check(PULSE);
    }

    @Test
    void apiAndBotNeverImportEachOther() {
        API_DOES_NOT_USE_BOT.check(PULSE);
        BOT_DOES_NOT_USE_API.check(PULSE);
    }

    @Test
    void reportsImportNoFrontEnd() {
        REPORTS_USE_NO_FRONT_END.check(PULSE);
    }

    @Test
    void warehouseAndFrontEndsNeverImportEachOther() {
        WAREHOUSE_USES_NO_FRONT_END.check(PULSE);
        FRONT_ENDS_DO_NOT_USE_THE_WAREHOUSE.check(PULSE);
    }

    @Test
    void notifierImportsNoFrontEnd() {
        NOTIFIER_USES_NO_FRONT_END.check(PULSE);
    }

    @Test
    void backfillUsesNoPulseRuntime() {
        BACKFILL_STAYS_BELOW_THE_RUNTIME.check(PULSE);
    }

    @Test
    void frontEndsReachStoresOnlyThroughTheReadLayer() {
        FRONT_ENDS_DO_NOT_TOUCH_STORES.check(PULSE);
    }

    @Test
    void frontEndsReadThroughTheAccessUseCases() {
        FRONT_ENDS_USE_THE_USE_CASES.check(PULSE);
    }

    @Test
    void aRuleFailsWhenItIsBroken() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ReadsStreamsInternals.class);

        assertThatThrownBy(() -> NO_STREAMS_INTERNALS.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReadsStreamsInternals")
                .hasMessageContaining(WrappedStateStore.class.getName())
                .hasMessageContaining("use the public API");
    }

    /** Breaks {@link #NO_STREAMS_INTERNALS} on purpose. */
    static final class ReadsStreamsInternals {
        static boolean isWrapped(Object store) {
            return store instanceof WrappedStateStore<?, ?, ?>;
        }
    }
}
