package io.livechain.web.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.desk.PaymentWindows;
import io.livechain.order.OrderId;
import io.livechain.shared.LiveStreamId;
import io.livechain.web.PlatformIT;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paying or cancelling must not cost more when many payment windows are open (after a sale, tens of thousands are):
 * closing a window reads it by its order id through the primary key, never by scanning the others. PostgreSQL's
 * statistics of the transaction itself say which rows were read and how.
 */
class PaymentWindowCostIT extends PlatformIT {

    private static final int OPEN_WINDOWS = 20_000;

    @Autowired
    PaymentWindows windows;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String owner;

    @Value("${spring.datasource.password:}")
    String ownerPassword;

    @Test
    void closing_one_window_touches_that_window_only_however_many_are_open() {
        // given many open windows
        Instant due = Instant.now().plus(30, ChronoUnit.MINUTES);
        List<PaymentWindows.Window> open = new ArrayList<>();
        for (int i = 0; i < OPEN_WINDOWS; i++) {
            open.add(new PaymentWindows.Window(OrderId.random(), LiveStreamId.random(), due));
        }
        transactions.executeWithoutResult(status -> windows.openAll(open));
        analyze();
        OrderId paidOrCancelled = open.get(OPEN_WINDOWS / 2).orderId();
        // when one of them is closed
        Map<String, Long> touched = transactions.execute(status -> {
            Map<String, Long> before = tableActivity();
            windows.closeAll(List.of(paidOrCancelled));
            return since(before);
        });
        // then it was found by its key, and no other window was read
        assertThat(touched.get("seq_scan")).isZero();
        assertThat(touched.get("seq_tup_read")).isZero();
        assertThat(touched.get("idx_scan")).isEqualTo(1);
        assertThat(touched.get("n_tup_del")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM desk.payment_window WHERE order_id = ?",
                        Long.class,
                        paidOrCancelled.value()))
                .isZero();
    }

    @Test
    void the_sweep_reads_only_the_windows_that_are_due() {
        // given many windows that are not due yet and one that is (all in the future of the platform's own sweep)
        Instant now = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant later = now.plus(1, ChronoUnit.HOURS);
        List<PaymentWindows.Window> open = new ArrayList<>();
        for (int i = 0; i < OPEN_WINDOWS; i++) {
            open.add(new PaymentWindows.Window(OrderId.random(), LiveStreamId.random(), later));
        }
        PaymentWindows.Window dueNow =
                new PaymentWindows.Window(OrderId.random(), LiveStreamId.random(), now.minusSeconds(1));
        open.add(dueNow);
        transactions.executeWithoutResult(status -> windows.openAll(open));
        analyze();
        // when the sweep asks what is due
        Map<String, Long> touched = transactions.execute(status -> {
            Map<String, Long> before = tableActivity();
            assertThat(windows.dueBy(now, 500)).containsExactly(dueNow);
            return since(before);
        });
        // then it went through the due-time index without reading the others
        assertThat(touched.get("seq_scan")).isZero();
        assertThat(touched.get("idx_scan")).isEqualTo(1);
    }

    /**
     * What this connection has done to the table and not yet reported: read twice in one transaction, the
     * difference is what happened in between.
     */
    private Map<String, Long> tableActivity() {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT seq_scan, seq_tup_read, idx_scan, n_tup_del
                FROM pg_stat_xact_user_tables WHERE schemaname = 'desk' AND relname = 'payment_window'""");
        Map<String, Long> activity = new java.util.HashMap<>();
        row.forEach((name, value) -> activity.put(name, ((Number) value).longValue()));
        return activity;
    }

    private Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> now = tableActivity();
        Map<String, Long> delta = new java.util.HashMap<>();
        now.forEach((name, value) -> delta.put(name, value - before.get(name)));
        return delta;
    }

    /** Fresh statistics for the planner: as the owner, since the runtime role may change rows, not maintain tables. */
    private void analyze() {
        try (Connection asOwner = DriverManager.getConnection(url, owner, ownerPassword);
                Statement statement = asOwner.createStatement()) {
            statement.execute("ANALYZE desk.payment_window");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
