package io.livechain.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.access.IdempotentRequests.Key;
import io.livechain.access.IdempotentRequests.RecordedResponse;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.LiveStream;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.SoldOut;
import io.livechain.sales.command.ScheduleLiveStream;
import io.livechain.shared.BusinessRuleViolation;
import io.livechain.shared.LiveStreamId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The desk on its own: real aggregates on an in-memory event store, the transaction manager counting commits. Each
 * request here is a small use case scheduling a live stream, so what a batch committed is the streams it created.
 */
class DeskTest {

    private static final Instant NOW = Instant.parse("2026-11-27T19:00:00Z");

    private InMemoryDesk platform;
    private Desk desk;

    @AfterEach
    void closeDesk() throws InterruptedException {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void decides_what_queued_up_in_one_batch_and_one_commit() throws Exception {
        // given three requests waiting before the desk opens
        desk = desk(100, Duration.ofSeconds(5));
        var first = desk.submitAndKeep(schedule("first"));
        var second = desk.submitAndKeep(schedule("second"));
        var third = desk.submitAndKeep(schedule("third"));
        // when
        desk.start();
        // then every one is answered, after a single commit of all three
        assertThat(List.of(first.get(), second.get(), third.get())).allMatch(DeskTest::accepted);
        assertThat(platform.transactions.commits).hasValue(1);
        assertThat(streamsCreated()).containsExactlyInAnyOrder("first", "second", "third");
    }

    @Test
    void a_rejection_changes_nothing_and_the_rest_of_its_batch_goes_on() throws Exception {
        // given a request that breaks a rule between two that do not
        desk = desk(100, Duration.ofSeconds(5));
        var before = desk.submitAndKeep(schedule("before"));
        var rejected = desk.submitAndKeep(request("rejected", state -> {
            throw new SoldOut("HOT");
        }));
        var after = desk.submitAndKeep(schedule("after"));
        // when
        desk.start();
        // then the rejection is answered as such, and only the others left events
        assertThat(rejected.get()).isInstanceOfSatisfying(DeskOutcome.Answered.class, answered -> {
            assertThat(answered.response().status()).isEqualTo(409);
            assertThat(answered.response().body())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("sold-out");
        });
        assertThat(List.of(before.get(), after.get())).allMatch(DeskTest::accepted);
        assertThat(streamsCreated()).containsExactlyInAnyOrder("before", "after");
        assertThat(platform.transactions.commits).hasValue(1);
    }

    @Test
    void answers_that_changed_something_name_the_position_of_their_batchs_last_event() throws Exception {
        // given two requests that change something, one rejected and one that changes nothing, in one batch
        desk = desk(100, Duration.ofSeconds(5));
        var first = desk.submitAndKeep(schedule("first"));
        var rejected = desk.submitAndKeep(request("rejected", state -> {
            throw new SoldOut("HOT");
        }));
        var unchanged = desk.submitAndKeep(request("unchanged", state -> Decision.unchanged("unchanged")));
        var last = desk.submitAndKeep(schedule("last"));
        // when
        desk.start();
        // then the two that changed something name the position of the batch's last event; the others none
        assertThat(last.get()).isNotNull();
        long head = platform.storage.createHeadToken().position().orElseThrow();
        assertThat(List.of(first.get(), last.get()))
                .allSatisfy(outcome -> assertThat(
                                ((DeskOutcome.Answered) outcome).response().position())
                        .isEqualTo(head));
        assertThat(List.of(rejected.get(), unchanged.get()))
                .allSatisfy(outcome -> assertThat(
                                ((DeskOutcome.Answered) outcome).response().hasPosition())
                        .isFalse());
    }

    @Test
    void a_request_that_fails_does_not_sink_its_batch() throws Exception {
        // given a request whose changes fail (a bug, not a rule) between two sound ones
        desk = desk(100, Duration.ofSeconds(5));
        var before = desk.submitAndKeep(schedule("before"));
        var failing = desk.submitAndKeep(request(
                "failing",
                state -> Decision.accept("failing", changes -> {
                    changes.newLiveStream(() -> new LiveStream(scheduleCommand("failing")));
                    throw new IllegalStateException("a bug while applying");
                })));
        var after = desk.submitAndKeep(schedule("after"));
        // when
        desk.start();
        // then the sound ones are committed, the failing one fails alone and left nothing
        assertThat(List.of(before.get(), after.get())).allMatch(DeskTest::accepted);
        assertThatThrownBy(failing::get).isInstanceOf(ExecutionException.class);
        assertThat(streamsCreated()).containsExactlyInAnyOrder("before", "after");
        assertThat(platform.transactions.rollbacks.get()).isPositive();
    }

    @Test
    void an_error_while_applying_is_rolled_back_like_any_failure() throws Exception {
        // given a request whose changes throw an Error after applying an event
        desk = desk(100, Duration.ofSeconds(5));
        var erring = desk.submitAndKeep(request(
                "erring",
                state -> Decision.accept("erring", changes -> {
                    changes.newLiveStream(() -> new LiveStream(scheduleCommand("erring")));
                    throw new StackOverflowError("deep");
                })));
        var after = desk.submitAndKeep(schedule("after"));
        // when
        desk.start();
        // then nothing of it was committed, and the desk goes on
        assertThatThrownBy(erring::get).isInstanceOf(ExecutionException.class);
        assertThat(accepted(after.get())).isTrue();
        assertThat(streamsCreated()).containsExactly("after");
    }

    @Test
    void a_full_queue_answers_busy_and_changes_nothing() throws Exception {
        // given a queue of one, taken by a waiting request
        desk = desk(1, Duration.ofSeconds(5));
        var waiting = desk.submitAndKeep(schedule("waiting"));
        AtomicBoolean decided = new AtomicBoolean();
        // when another request comes
        DeskOutcome outcome = desk.decide(request("turned-away", state -> {
            decided.set(true);
            return Decision.unchanged("turned-away");
        }));
        desk.start();
        // then it is busy, and was never decided
        assertThat(outcome).isInstanceOf(DeskOutcome.Busy.class);
        assertThat(accepted(waiting.get())).isTrue();
        assertThat(decided).isFalse();
        assertThat(streamsCreated()).containsExactly("waiting");
    }

    @Test
    void a_request_not_taken_within_the_answer_budget_is_withdrawn_and_never_decided() throws Exception {
        // given a desk that takes nothing yet
        desk = desk(100, Duration.ofMillis(50));
        AtomicBoolean decided = new AtomicBoolean();
        // when a caller's budget runs out
        DeskOutcome outcome = desk.decide(request("too-late", state -> {
            decided.set(true);
            return Decision.accept(
                    "too-late", changes -> changes.newLiveStream(() -> new LiveStream(scheduleCommand("too-late"))));
        }));
        desk.start();
        var next = desk.submitAndKeep(schedule("next"));
        // then it was answered busy, and the desk skipped it
        assertThat(outcome).isInstanceOf(DeskOutcome.Busy.class);
        assertThat(accepted(next.get())).isTrue();
        assertThat(decided).isFalse();
        assertThat(streamsCreated()).containsExactly("next");
    }

    @Test
    void the_same_key_twice_in_one_batch_is_decided_once_and_replayed() throws Exception {
        // given the same request twice, and the same key on another request, all in one batch
        desk = desk(100, Duration.ofSeconds(5));
        Key key = new Key(UUID.randomUUID(), "key-1");
        var first = desk.submitAndKeep(keyed(schedule("once"), key, "body-1"));
        var retry = desk.submitAndKeep(keyed(schedule("once-again"), key, "body-1"));
        var other = desk.submitAndKeep(keyed(schedule("other"), key, "body-2"));
        // when
        desk.start();
        // then the first is decided, the retry gets its answer, the other body is refused
        assertThat(accepted(first.get())).isTrue();
        assertThat(retry.get()).isEqualTo(new DeskOutcome.Replayed(((DeskOutcome.Answered) first.get()).response()));
        assertThat(((DeskOutcome.Replayed) retry.get()).response().hasPosition())
                .isTrue();
        assertThat(other.get()).isInstanceOf(DeskOutcome.KeyReused.class);
        assertThat(streamsCreated()).containsExactly("once");
        assertThat(platform.answers.recorded).containsOnlyKeys(key);
    }

    @Test
    void payment_windows_are_stored_and_removed_with_the_batch() throws Exception {
        // given one request opening a window and another closing one opened earlier
        desk = desk(100, Duration.ofSeconds(5));
        OrderId opened = OrderId.random();
        OrderId closed = OrderId.random();
        platform.windows.stored.put(closed, new PaymentWindows.Window(closed, LiveStreamId.random(), NOW));
        var open = desk.submitAndKeep(request(
                "open",
                state -> Decision.accept(
                        "open",
                        changes -> changes.openPaymentWindow(
                                new PaymentWindows.Window(opened, LiveStreamId.random(), NOW.plusSeconds(60))))));
        var close = desk.submitAndKeep(
                request("close", state -> Decision.accept("close", changes -> changes.closePaymentWindow(closed))));
        // when
        desk.start();
        // then
        assertThat(List.of(open.get(), close.get())).allMatch(DeskTest::accepted);
        assertThat(platform.windows.stored).containsOnlyKeys(opened);
    }

    @Test
    void a_batch_that_cannot_reach_the_database_is_answered_unavailable_at_once_without_retries() throws Exception {
        // given three requests waiting while no connection can be had
        desk = desk(100, Duration.ofSeconds(5));
        platform.transactions.failingStart = noConnection();
        var first = desk.submitAndKeep(schedule("first"));
        var second = desk.submitAndKeep(schedule("second"));
        var third = desk.submitAndKeep(schedule("third"));
        // when
        desk.start();
        // then all three are answered unavailable after one try, neither retried nor tried one by one
        assertThat(List.of(first.get(), second.get(), third.get()))
                .allMatch(outcome -> outcome instanceof DeskOutcome.Unavailable);
        assertThat(platform.transactions.started).hasValue(1);
        assertThat(streamsCreated()).isEmpty();
    }

    @Test
    void once_the_database_is_back_the_next_batch_commits() throws Exception {
        // given a batch answered unavailable
        desk = desk(100, Duration.ofSeconds(5));
        platform.transactions.failingStart = noConnection();
        desk.start();
        assertThat(desk.submitAndKeep(schedule("during")).get()).isInstanceOf(DeskOutcome.Unavailable.class);
        // when the database answers again
        platform.transactions.failingStart = null;
        var after = desk.submitAndKeep(schedule("after"));
        // then
        assertThat(accepted(after.get())).isTrue();
        assertThat(streamsCreated()).containsExactly("after");
    }

    @Test
    void a_batch_whose_commit_broke_off_is_answered_unavailable_and_its_retry_gets_what_was_recorded()
            throws Exception {
        // given a connection that breaks while the batch commits (the commit may have happened after all)
        desk = desk(100, Duration.ofSeconds(5));
        Key key = new Key(UUID.randomUUID(), "key-1");
        platform.transactions.failingCommit = new IllegalStateException(
                new SQLException("An I/O error occurred while sending to the backend", "08006"));
        desk.start();
        DeskOutcome first =
                desk.submitAndKeep(keyed(schedule("once"), key, "body")).get();
        // when the client retries with the same key once the database is back
        platform.transactions.failingCommit = null;
        DeskOutcome retry =
                desk.submitAndKeep(keyed(schedule("once"), key, "body")).get();
        // then the first answer said unavailable, and the retry gets the answer that was committed, not a second one
        assertThat(first).isInstanceOf(DeskOutcome.Unavailable.class);
        assertThat(retry).isInstanceOf(DeskOutcome.Replayed.class);
        assertThat(streamsCreated()).containsExactly("once");
    }

    @Test
    void while_the_database_is_unreachable_a_request_turned_away_is_told_so() throws Exception {
        // given a batch that could not reach the database, and the desk busy with the next one
        desk = desk(100, Duration.ofMillis(50));
        platform.transactions.failingStart = noConnection();
        desk.start();
        assertThat(desk.submitAndKeep(schedule("lost")).get()).isInstanceOf(DeskOutcome.Unavailable.class);
        platform.transactions.failingStart = null;
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var blocking = desk.submitAndKeep(request("blocking", state -> {
            taken.countDown();
            awaitQuietly(release);
            return Decision.unchanged("blocking");
        }));
        taken.await();
        // when a request is not taken within its budget
        DeskOutcome outcome = desk.decide(schedule("too-late"));
        release.countDown();
        // then it is answered unavailable, not busy: no batch has committed since the database went away
        assertThat(outcome).isInstanceOf(DeskOutcome.Unavailable.class);
        assertThat(accepted(blocking.get())).isTrue();
        assertThat(streamsCreated()).isEmpty();
    }

    // --- the desk and its requests ------------------------------------------------------------------------------

    private Desk desk(int queueCapacity, Duration answerBudget) {
        platform = new InMemoryDesk(NOW, queueCapacity, answerBudget);
        return platform.desk;
    }

    private static DeskRequest<String> schedule(String title) {
        return request(
                title,
                state -> Decision.accept(
                        title, changes -> changes.newLiveStream(() -> new LiveStream(scheduleCommand(title)))));
    }

    private static ScheduleLiveStream scheduleCommand(String title) {
        return new ScheduleLiveStream(
                LiveStreamId.random(),
                ParticipantId.random(),
                title,
                NOW,
                NOW.plusSeconds(3600),
                30,
                List.of(new OfferTerms("HOT", new BigDecimal("9.90"), 100, 2, false)));
    }

    private static DeskRequest<String> request(String name, UseCase<String> useCase) {
        return new DeskRequest<>(new Named(name), Map.of(), null, null, useCase, new Renderer());
    }

    private static DeskRequest<String> keyed(DeskRequest<String> request, Key key, String body) {
        return new DeskRequest<>(
                request.command(),
                request.auditMetaData(),
                key,
                body.getBytes(StandardCharsets.UTF_8),
                request.useCase(),
                request.renderer());
    }

    private static RuntimeException noConnection() {
        // what the transaction manager throws when the pool cannot hand out a connection in time
        return new IllegalStateException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("Connection is not available, request timed out after 1000ms"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean accepted(DeskOutcome outcome) {
        return outcome instanceof DeskOutcome.Answered answered
                && answered.response().status() == 201;
    }

    private List<String> streamsCreated() {
        return platform.payloads().stream()
                .filter(payload -> payload instanceof io.livechain.sales.event.LiveStreamScheduled)
                .map(payload -> ((io.livechain.sales.event.LiveStreamScheduled) payload).title())
                .collect(Collectors.toList());
    }

    record Named(String name) {}

    private static final class Renderer implements DeskRequest.Renderer<String> {
        @Override
        public RecordedResponse success(String result) {
            return new RecordedResponse(null, 201, "text", null, result.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public RecordedResponse rejection(BusinessRuleViolation violation) {
            return new RecordedResponse(
                    null, 409, "problem", null, violation.code().getBytes(StandardCharsets.UTF_8));
        }
    }
}
