package io.livechain.shared;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Every range a request field may take, in one place: the web layer's annotations and the domain's checks both read
 * them from here. Each bound keeps every value derived from it storable (an {@code int} counter, a {@code
 * NUMERIC(12,2)} total, a {@code timestamptz}), so nothing the platform accepts can fail a read model later.
 */
public final class Limits {

    /** Names of participants and products, stream titles. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Reasons (cancellation, rejection, failed attempt) and payment references. */
    public static final int MAX_REASON_LENGTH = 500;

    /** What a buyer may type as the delivery code at the door (the codes themselves have 6 digits). */
    public static final int MAX_DELIVERY_CODE_LENGTH = 64;

    /** Units in one offer, one receipt or one production step. */
    public static final int MAX_UNITS = 10_000_000;
    /** Units of a SKU one warehouse may have received in all: well inside the {@code int} counters. */
    public static final int MAX_UNITS_RECEIVED = 1_000_000_000;
    /** Units of one SKU on one order line. */
    public static final int MAX_ORDER_QUANTITY = 10_000;
    /** Lines of one order. */
    public static final int MAX_ORDER_LINES = 50;
    /** Offers of one live stream. */
    public static final int MAX_OFFERS = 100;
    /** Parcels one order is packed in. */
    public static final int MAX_PARCELS = 100;
    /** A product's production batch. */
    public static final int MAX_BATCH_SIZE = 1_000_000;
    /** A product's lead time: one year. */
    public static final int MAX_LEAD_TIME_HOURS = 24 * 365;
    /** A live stream's payment window: one week. */
    public static final int MAX_PAYMENT_WINDOW_MINUTES = 7 * 24 * 60;

    /** An offer's price, as text for the web layer's {@code @DecimalMax}. */
    public static final String MAX_PRICE_TEXT = "1000000";

    public static final BigDecimal MAX_PRICE = new BigDecimal(MAX_PRICE_TEXT);
    /** Decimals of a price or an amount. */
    public static final int MONEY_DECIMALS = 2;
    /** An order's total, as {@code NUMERIC(12,2)} holds it. */
    public static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999.99");

    /** The times the platform keeps: a stream, a commitment, a cursor. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Limits() {}

    /** Whether the instant is one the platform can keep. */
    public static boolean isKeepable(Instant instant) {
        return instant != null && !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
