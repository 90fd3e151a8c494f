package io.livechain.web.merchant;

import io.livechain.access.Caller;
import io.livechain.order.OrderId;
import io.livechain.order.ShippingAddress;
import io.livechain.order.command.CancelOrder;
import io.livechain.order.command.PayOrder;
import io.livechain.order.query.FindOrder;
import io.livechain.order.query.FindOrderTimeline;
import io.livechain.order.query.ListOrders;
import io.livechain.order.query.OrderPage;
import io.livechain.order.query.OrderTimeline;
import io.livechain.order.query.OrderView;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.LiveStreamId;
import io.livechain.sales.RequestedLine;
import io.livechain.sales.admission.AvailabilityBoard;
import io.livechain.sales.admission.DeskWork;
import io.livechain.shared.BusinessRuleViolation;
import io.livechain.web.support.DecidedByDesk;
import io.livechain.web.support.DeskResponses;
import io.livechain.web.support.DeskResponses.Answer;
import io.livechain.web.support.IdempotencyFilter;
import io.livechain.web.support.ProblemTypes;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders placed during live streams, and everything that happens to them. */
@RestController
@Validated
@RequestMapping("/api/v1/orders")
@Tag(name = "Merchant: orders")
class OrderController {

    private final DeskResponses desk;
    private final AvailabilityBoard board;
    private final CommandGateway commands;
    private final QueryGateway queries;

    OrderController(DeskResponses desk, AvailabilityBoard board, CommandGateway commands, QueryGateway queries) {
        this.desk = desk;
        this.board = board;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @DecidedByDesk
    @Operation(
            summary = "Place a buyer's order in a live stream",
            description = "201 with stock RESERVED (units held, awaiting payment) or BACKORDERED (waits for stock); "
                    + "409 sold-out, purchase-limit-exceeded or live-stream-not-live. Requires Idempotency-Key.")
    @Parameter(name = IdempotencyFilter.HEADER, in = ParameterIn.HEADER, required = true)
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Placed.class)))
    ResponseEntity<byte[]> place(
            @Valid @RequestBody NewOrder body, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        if (http.getHeader(IdempotencyFilter.HEADER) == null) {
            throw new IdempotencyKeyRequired();
        }
        LiveStreamId streamId = new LiveStreamId(body.liveStreamId());
        List<RequestedLine> lines = body.lines().stream()
                .map(line -> new RequestedLine(line.sku(), line.quantity()))
                .toList();
        Optional<BusinessRuleViolation> certainNo = board.certainRejection(streamId, lines);
        if (certainNo.isPresent()) {
            return desk.rejectAtOnce(http, caller, certainNo.get());
        }
        DeskWork.OrderRequest request = new DeskWork.OrderRequest(
                OrderId.random(),
                new ParticipantId(caller.participantId()),
                streamId,
                body.buyerId(),
                lines,
                body.shippingAddress().toAddress());
        return desk.decide(
                http,
                caller,
                request,
                DeskWork.placeOrder(request),
                placed -> new Answer(
                        HttpStatus.CREATED,
                        "/api/v1/orders/" + placed.orderId(),
                        new Placed(
                                placed.orderId().value(),
                                placed.status().name(),
                                placed.stock().name(),
                                placed.paymentDueAt())));
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Record the buyer's payment of the order total, within the payment window")
    StatusChanged pay(@PathVariable UUID id, @Valid @RequestBody Payment body, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new PayOrder(
                new OrderId(id), new ParticipantId(caller.participantId()), body.amount(), body.reference()));
        return new StatusChanged(id, "PAID");
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an order before it is packed; its units go back")
    StatusChanged cancel(
            @PathVariable UUID id, @Valid @RequestBody Cancellation body, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(
                new CancelOrder(new OrderId(id), new ParticipantId(caller.participantId()), body.reason()));
        return new StatusChanged(id, "CANCELLED");
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order")
    OrderView get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new FindOrder(new OrderId(id), new ParticipantId(caller.participantId())),
                        ResponseTypes.optionalInstanceOf(OrderView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("order"));
    }

    @GetMapping
    @Operation(summary = "Your orders, newest first; pass nextCursor as cursor for the next page")
    OrderPage list(
            @RequestParam Optional<UUID> liveStreamId,
            @RequestParam Optional<@Pattern(regexp = "[A-Z_]{1,32}") String> status,
            @RequestParam Optional<@Size(max = 200) String> cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new ListOrders(
                                new ParticipantId(caller.participantId()),
                                liveStreamId.orElse(null),
                                status.orElse(null),
                                cursor.orElse(null),
                                limit),
                        ResponseTypes.instanceOf(OrderPage.class))
                .join();
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The order's audit trail: every event of every aggregate it caused or touched, oldest first")
    OrderTimeline timeline(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new FindOrderTimeline(new OrderId(id), new ParticipantId(caller.participantId())),
                        ResponseTypes.optionalInstanceOf(OrderTimeline.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("order"));
    }

    record NewOrder(
            @NotNull UUID liveStreamId,
            @NotBlank @Size(max = 64) String buyerId,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull Line> lines,
            @NotNull @Valid Address shippingAddress) {}

    record Line(
            @NotBlank @Size(max = 64) String sku,
            @Min(1) @Max(10_000) int quantity) {}

    record Address(
            @NotBlank @Size(max = 64) String zone,
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 200) String recipient) {

        ShippingAddress toAddress() {
            return new ShippingAddress(zone, line1, city, recipient);
        }
    }

    record Payment(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 200) String reference) {}

    record Cancellation(@NotBlank @Size(max = 500) String reason) {}

    record Placed(UUID id, String status, String stock, Instant paymentDueAt) {}

    record StatusChanged(UUID id, String status) {}

    /** Placing an order is never safe to repeat without a key. */
    static final class IdempotencyKeyRequired extends BusinessRuleViolation {
        IdempotencyKeyRequired() {
            super(
                    ProblemTypes.IDEMPOTENCY_KEY_REQUIRED,
                    Kind.INVALID,
                    "POST /orders requires an Idempotency-Key header, so that a retry never orders twice");
        }
    }
}
