package io.livechain.web.merchant;

import io.livechain.access.Caller;
import io.livechain.order.OrderId;
import io.livechain.order.OrderStatus;
import io.livechain.order.command.CancelOrder;
import io.livechain.order.command.PayOrder;
import io.livechain.order.desk.OrderCancellation;
import io.livechain.order.query.FindOrder;
import io.livechain.order.query.FindOrderTimeline;
import io.livechain.order.query.ListOrders;
import io.livechain.order.query.OrderPage;
import io.livechain.order.query.OrderTimeline;
import io.livechain.order.query.OrderView;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Limits;
import io.livechain.web.support.DecidedByDesk;
import io.livechain.web.support.DeskResponses;
import io.livechain.web.support.DeskResponses.Answer;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
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
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    OrderController(DeskResponses desk, CommandGateway commands, QueryGateway queries, Clock clock) {
        this.desk = desk;
        this.clock = clock;
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/{id}/payments")
    @Operation(summary = "Record the buyer's payment of the order total, within the payment window")
    @ApiResponse(responseCode = "200", description = "Paid: the order waits for packing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such order.")
    @ApiResponse(
            responseCode = "409",
            description =
                    "`order-not-payable`: the order was paid, cancelled or has expired. `payment-window-closed`: its payment window closed.")
    @ApiResponse(
            responseCode = "422",
            description = "`payment-amount-mismatch`: the amount is not exactly the order total.")
    StatusChanged pay(@PathVariable UUID id, @Valid @RequestBody Payment body, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new PayOrder(
                new OrderId(id),
                new ParticipantId(caller.participantId()),
                body.amount(),
                body.reference(),
                clock.instant()));
        return new StatusChanged(id, "PAID");
    }

    @PostMapping("/{id}/cancel")
    @DecidedByDesk
    @Operation(
            summary = "Cancel an order before it is packed; its units go back",
            description = "The units are back in the offer and in stock when the answer comes: the next buyer can"
                    + " have them.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatusChanged.class)))
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such order.")
    @ApiResponse(
            responseCode = "409",
            description = "`order-not-cancellable`: the order is packed (or further along), or has expired.")
    ResponseEntity<byte[]> cancel(
            @PathVariable UUID id,
            @Valid @RequestBody Cancellation body,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest http) {
        OrderCancellation cancellation =
                new OrderCancellation(new OrderId(id), new ParticipantId(caller.participantId()), body.reason());
        return desk.decide(
                http,
                caller,
                new CancelOrder(cancellation.orderId(), cancellation.merchantId(), body.reason()),
                cancellation,
                status -> new Answer(HttpStatus.OK, null, new StatusChanged(id, status.name())));
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
    @ApiResponse(responseCode = "200", description = "A page of your orders; nextCursor is absent on the last page.")
    @ApiResponse(responseCode = "400", description = "`invalid-cursor`: cursor is not a nextCursor this list returned.")
    OrderPage list(
            @RequestParam Optional<UUID> liveStreamId,
            @RequestParam Optional<OrderStatus> status,
            @RequestParam Optional<@Size(max = ListOrders.MAX_CURSOR_LENGTH) String> cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(ListOrders.MAX_LIMIT) int limit,
            @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new ListOrders(
                                new ParticipantId(caller.participantId()),
                                liveStreamId.orElse(null),
                                status.map(OrderStatus::name).orElse(null),
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

    record Payment(
            @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH) String reference) {}

    record Cancellation(
            @NotBlank @Size(max = Limits.MAX_REASON_LENGTH) String reason) {}

    record StatusChanged(UUID id, String status) {}
}
