package io.livechain.web.warehouse;

import io.livechain.access.Caller;
import io.livechain.delivery.desk.OrderPacking;
import io.livechain.delivery.desk.ReturnConfirmation;
import io.livechain.delivery.query.FindPickList;
import io.livechain.delivery.query.PickListEntry;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Limits;
import io.livechain.web.support.DecidedByDesk;
import io.livechain.web.support.DeskResponses;
import io.livechain.web.support.DeskResponses.Answer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Goods out: what to pick, packing (units leave stock, a courier is sought), and returned parcels. */
@RestController
@RequestMapping("/api/v1/warehouse")
@Tag(name = "Warehouse")
class PackingController {

    private final DeskResponses desk;
    private final QueryGateway queries;

    PackingController(DeskResponses desk, QueryGateway queries) {
        this.desk = desk;
        this.queries = queries;
    }

    @GetMapping("/pick-list")
    @Operation(summary = "Paid orders whose units are all held here, oldest first")
    List<PickListEntry> pickList(@AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new FindPickList(new ParticipantId(caller.participantId())),
                        ResponseTypes.multipleInstancesOf(PickListEntry.class))
                .join();
    }

    @PostMapping("/orders/{orderId}/pack")
    @DecidedByDesk
    @Operation(
            summary = "Pack the lines of an order held here: their units leave stock and a delivery is offered",
            description = "An order held at several warehouses ships as one shipment from each, with its own delivery "
                    + "and delivery code; the order is PACKED once every line is packed. `status` is this shipment's.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Packed.class)))
    @ApiResponse(responseCode = "404", description = "`not-found`: no order whose units are held here has this id.")
    @ApiResponse(
            responseCode = "409",
            description =
                    "`order-not-ready-to-pack`: the order is not paid, or some of its units still wait for stock.")
    ResponseEntity<byte[]> pack(
            @PathVariable UUID orderId,
            @Valid @RequestBody Packing body,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest http) {
        return desk.decide(
                http,
                caller,
                body,
                new OrderPacking(new ParticipantId(caller.participantId()), new OrderId(orderId), body.parcels()),
                packed -> new Answer(
                        HttpStatus.OK,
                        null,
                        new Packed(orderId, "PACKED", packed.deliveryId().value(), packed.skus())));
    }

    @PostMapping("/orders/{orderId}/confirm-return")
    @DecidedByDesk
    @Operation(
            summary = "This warehouse's shipment of the order could not be delivered and is back: its units are in "
                    + "stock again")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Returned.class)))
    @ApiResponse(responseCode = "404", description = "`not-found`: no delivery of this order leaves from here.")
    @ApiResponse(
            responseCode = "409",
            description = "`delivery-transition-not-allowed`: the parcel is not on its way back.")
    ResponseEntity<byte[]> confirmReturn(
            @PathVariable UUID orderId, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        return desk.decide(
                http,
                caller,
                new Returned(orderId, "RETURNED"),
                new ReturnConfirmation(new ParticipantId(caller.participantId()), new OrderId(orderId)),
                returned -> new Answer(HttpStatus.OK, null, new Returned(orderId, "RETURNED")));
    }

    record Packing(@Min(1) @Max(Limits.MAX_PARCELS) int parcels) {}

    /** One shipment: the lines ({@code skus}) of the order packed here, carried by {@code deliveryId}. */
    record Packed(UUID orderId, String status, UUID deliveryId, List<String> skus) {}

    record Returned(UUID orderId, String deliveryStatus) {}
}
