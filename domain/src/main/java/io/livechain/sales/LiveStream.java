package io.livechain.sales;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.order.InvalidOrder;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.command.AdmitOrder;
import io.livechain.sales.command.EndLiveStream;
import io.livechain.sales.command.EndLiveStreamOnTime;
import io.livechain.sales.command.ReturnOrderUnits;
import io.livechain.sales.command.ScheduleLiveStream;
import io.livechain.sales.command.StartLiveStream;
import io.livechain.sales.event.LiveStreamEnded;
import io.livechain.sales.event.LiveStreamEvent;
import io.livechain.sales.event.LiveStreamScheduled;
import io.livechain.sales.event.LiveStreamStarted;
import io.livechain.sales.event.OrderAdmitted;
import io.livechain.sales.event.OrderUnitsReturned;
import io.livechain.shared.Limits;
import io.livechain.shared.LiveStreamId;
import io.livechain.shared.Sku;
import io.livechain.shared.Text;
import io.livechain.shared.UnknownSku;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A live stream and its offers. It admits orders only while live, never more units of an offer than its quantity,
 * and never more to one buyer than the offer's per-buyer limit (cancelled and expired orders give their units
 * back). Admission is decided here, on the command side, one order after the other. A stream's {@code endsAt} is
 * binding: from then on it admits nothing and cannot be started, whether or not anyone ended it.
 */
public class LiveStream {

    private static final Pattern BUYER = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    @AggregateIdentifier
    private LiveStreamId liveStreamId;

    private ParticipantId merchantId;
    private LiveStreamStatus status;
    private Instant endsAt;
    private int paymentWindowMinutes;
    private final Map<String, OfferTerms> offers = new LinkedHashMap<>();
    private final Map<String, Integer> admittedUnits = new HashMap<>();
    private final Map<String, Integer> heldByBuyer = new HashMap<>();
    private final Map<OrderId, OrderAdmitted> admittedOrders = new HashMap<>();

    protected LiveStream() {}

    @CommandHandler
    public LiveStream(ScheduleLiveStream command) {
        String title = check(command);
        apply(new LiveStreamScheduled(
                command.liveStreamId(),
                command.merchantId(),
                title,
                command.startsAt(),
                command.endsAt(),
                command.paymentWindowMinutes(),
                command.offers()));
    }

    /**
     * Throws the rule the schedule breaks, naming the field; returns the title as it will be kept. The ranges keep
     * every derived value storable ({@link Limits}).
     */
    public static String check(ScheduleLiveStream command) {
        String title = command.title() == null ? "" : command.title().strip();
        if (title.isEmpty() || title.length() > Limits.MAX_NAME_LENGTH || !Text.isPlain(title)) {
            throw new InvalidLiveStream("title", "1 to " + Limits.MAX_NAME_LENGTH + " characters of plain text");
        }
        if (command.startsAt() == null || !Limits.isKeepable(command.startsAt())) {
            throw new InvalidLiveStream("startsAt", "required, between years 1970 and 9999");
        }
        if (command.endsAt() == null || !Limits.isKeepable(command.endsAt())) {
            throw new InvalidLiveStream("endsAt", "required, between years 1970 and 9999");
        }
        if (!command.startsAt().isBefore(command.endsAt())) {
            throw new InvalidLiveStream("endsAt", "must be after startsAt");
        }
        if (command.paymentWindowMinutes() < 1 || command.paymentWindowMinutes() > Limits.MAX_PAYMENT_WINDOW_MINUTES) {
            throw new InvalidLiveStream("paymentWindowMinutes", "between 1 and " + Limits.MAX_PAYMENT_WINDOW_MINUTES);
        }
        if (command.offers().isEmpty() || command.offers().size() > Limits.MAX_OFFERS) {
            throw new InvalidLiveStream("offers", "a live stream has 1 to " + Limits.MAX_OFFERS + " offers");
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < command.offers().size(); i++) {
            OfferTerms offer = command.offers().get(i);
            validate(offer, "offers[" + i + "]");
            if (!skus.add(offer.sku())) {
                throw new InvalidLiveStream("offers[" + i + "].sku", "SKU " + offer.sku() + " is offered twice");
            }
        }
        return title;
    }

    private static void validate(OfferTerms offer, String field) {
        if (offer == null) {
            throw new InvalidLiveStream(field, "is required");
        }
        if (!Sku.isValid(offer.sku())) {
            throw new InvalidLiveStream(field + ".sku", Sku.RULE);
        }
        if (offer.price() == null
                || offer.price().signum() <= 0
                || offer.price().stripTrailingZeros().scale() > Limits.MONEY_DECIMALS
                || offer.price().compareTo(Limits.MAX_PRICE) > 0) {
            throw new InvalidLiveStream(
                    field + ".price", "positive, at most " + Limits.MAX_PRICE + ", with at most 2 decimals");
        }
        if (offer.quantity() < 1 || offer.quantity() > Limits.MAX_UNITS) {
            throw new InvalidLiveStream(field + ".quantity", "between 1 and " + Limits.MAX_UNITS);
        }
        if (offer.perBuyerLimit() < 1 || offer.perBuyerLimit() > offer.quantity()) {
            throw new InvalidLiveStream(field + ".perBuyerLimit", "between 1 and the offer's quantity");
        }
    }

    /** Whether starting at {@code at} changes anything; throws if the stream may not be started. */
    public boolean checkStart(ParticipantId merchant, Instant at) {
        requireOwner(merchant);
        if (isOver(at) && status != LiveStreamStatus.LIVE) {
            throw new LiveStreamOver(endsAt); // whether or not the platform ended it meanwhile
        }
        if (status == LiveStreamStatus.ENDED) {
            throw new LiveStreamTransitionNotAllowed(status, "start");
        }
        return status == LiveStreamStatus.SCHEDULED;
    }

    /** Whether the stream's time is up at {@code at}: its {@code endsAt} has come. */
    public boolean isOver(Instant at) {
        return at != null && endsAt != null && !at.isBefore(endsAt);
    }

    /** Whether ending changes anything. */
    public boolean checkEnd(ParticipantId merchant) {
        requireOwner(merchant);
        return status != LiveStreamStatus.ENDED;
    }

    /** Whether the platform ends the stream at {@code at}: its time is up and nobody ended it. */
    public boolean checkTimeUp(Instant at) {
        return status != LiveStreamStatus.ENDED && isOver(at);
    }

    @CommandHandler
    public void handle(EndLiveStreamOnTime command) {
        if (checkTimeUp(command.at())) {
            apply(new LiveStreamEnded(liveStreamId));
        }
    }

    @CommandHandler
    public void handle(StartLiveStream command) {
        if (checkStart(command.merchantId(), command.at())) {
            apply(new LiveStreamStarted(liveStreamId));
        }
    }

    @CommandHandler
    public void handle(EndLiveStream command) {
        requireOwner(command.merchantId());
        switch (status) {
            case LIVE, SCHEDULED -> apply(new LiveStreamEnded(liveStreamId));
            case ENDED -> {
                // already ended
            }
        }
    }

    /**
     * Throws the rule an order at {@code at} would break, without changing anything: the caller decides whole
     * orders.
     */
    public void checkAdmission(ParticipantId merchant, String buyerId, List<RequestedLine> lines, Instant at) {
        if (!merchantId.equals(merchant)) {
            throw new UnknownLiveStream();
        }
        if (buyerId == null || !BUYER.matcher(buyerId).matches()) {
            throw new InvalidOrder("buyerId must be 1 to 64 letters, digits or . _ : @ -");
        }
        if (lines.isEmpty()) {
            throw new InvalidOrder("an order has at least one line");
        }
        Set<String> seen = new HashSet<>();
        for (RequestedLine line : lines) {
            if (!seen.add(line.sku())) {
                throw new InvalidOrder("SKU " + line.sku() + " appears on two lines");
            }
            if (line.quantity() < 1) {
                throw new InvalidOrder("quantity must be at least 1");
            }
            if (!offers.containsKey(line.sku())) {
                throw new UnknownSku(line.sku(), "offered in this live stream");
            }
        }
        if (status != LiveStreamStatus.LIVE) {
            throw new LiveStreamNotLive(status);
        }
        if (isOver(at)) {
            throw new LiveStreamNotLive(endsAt);
        }
        for (RequestedLine line : lines) {
            OfferTerms offer = offers.get(line.sku());
            if (remaining(line.sku()) < line.quantity()) {
                throw new SoldOut(line.sku());
            }
            int held = heldByBuyer.getOrDefault(buyerKey(buyerId, line.sku()), 0);
            if (held + line.quantity() > offer.perBuyerLimit()) {
                throw new PurchaseLimitExceeded(line.sku(), offer.perBuyerLimit());
            }
        }
    }

    @CommandHandler
    public void handle(AdmitOrder command) {
        if (admittedOrders.containsKey(command.orderId())) {
            throw new InvalidOrder("order " + command.orderId() + " was already admitted");
        }
        checkAdmission(command.merchantId(), command.buyerId(), command.lines(), command.at());
        apply(new OrderAdmitted(liveStreamId, command.orderId(), command.buyerId(), command.lines()));
    }

    /** Gives an order's units back to the offers; an unknown or already returned order changes nothing. */
    @CommandHandler
    public void handle(ReturnOrderUnits command) {
        if (admittedOrders.containsKey(command.orderId())) {
            OrderAdmitted admitted = admittedOrders.get(command.orderId());
            apply(new OrderUnitsReturned(
                    liveStreamId, command.orderId(), admitted.buyerId(), admitted.lines(), command.reason()));
        }
    }

    private void requireOwner(ParticipantId merchant) {
        if (!merchantId.equals(merchant)) {
            throw new LiveStreamNotFound();
        }
    }

    /** Every event of the family, by a switch over the sealed type: a new event does not compile until handled here. */
    @EventSourcingHandler
    void on(LiveStreamEvent event) {
        switch (event) {
            case LiveStreamScheduled liveStreamScheduled -> on(liveStreamScheduled);
            case LiveStreamStarted liveStreamStarted -> on(liveStreamStarted);
            case LiveStreamEnded liveStreamEnded -> on(liveStreamEnded);
            case OrderAdmitted orderAdmitted -> on(orderAdmitted);
            case OrderUnitsReturned orderUnitsReturned -> on(orderUnitsReturned);
        }
    }

    void on(LiveStreamScheduled event) {
        liveStreamId = event.liveStreamId();
        merchantId = event.merchantId();
        paymentWindowMinutes = event.paymentWindowMinutes();
        endsAt = event.endsAt();
        status = LiveStreamStatus.SCHEDULED;
        event.offers().forEach(offer -> offers.put(offer.sku(), offer));
    }

    void on(LiveStreamStarted event) {
        status = LiveStreamStatus.LIVE;
    }

    void on(LiveStreamEnded event) {
        status = LiveStreamStatus.ENDED;
    }

    void on(OrderAdmitted event) {
        admittedOrders.put(event.orderId(), event);
        for (RequestedLine line : event.lines()) {
            admittedUnits.merge(line.sku(), line.quantity(), Integer::sum);
            heldByBuyer.merge(buyerKey(event.buyerId(), line.sku()), line.quantity(), Integer::sum);
        }
    }

    void on(OrderUnitsReturned event) {
        admittedOrders.remove(event.orderId());
        for (RequestedLine line : event.lines()) {
            admittedUnits.merge(line.sku(), -line.quantity(), Integer::sum);
            heldByBuyer.merge(buyerKey(event.buyerId(), line.sku()), -line.quantity(), Integer::sum);
        }
    }

    private static String buyerKey(String buyerId, String sku) {
        return buyerId + '\u001f' + sku;
    }

    public LiveStreamId liveStreamId() {
        return liveStreamId;
    }

    public ParticipantId merchantId() {
        return merchantId;
    }

    public LiveStreamStatus status() {
        return status;
    }

    /** When the stream's time is up: from then on it admits no orders. */
    public Instant endsAt() {
        return endsAt;
    }

    public int paymentWindowMinutes() {
        return paymentWindowMinutes;
    }

    public OfferTerms offer(String sku) {
        return offers.get(sku);
    }

    public List<OfferTerms> offers() {
        return List.copyOf(offers.values());
    }

    public int remaining(String sku) {
        OfferTerms offer = offers.get(sku);
        return offer == null ? 0 : offer.quantity() - admittedUnits.getOrDefault(sku, 0);
    }

    public BigDecimal price(String sku) {
        return offers.get(sku).price();
    }
}
