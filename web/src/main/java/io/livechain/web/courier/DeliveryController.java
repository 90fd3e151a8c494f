package io.livechain.web.courier;

import io.livechain.access.Caller;
import io.livechain.delivery.DeliveryAlreadyClaimed;
import io.livechain.delivery.DeliveryId;
import io.livechain.delivery.claim.ClaimWithinLimit;
import io.livechain.delivery.command.DeliverParcel;
import io.livechain.delivery.command.PickUpDelivery;
import io.livechain.delivery.command.ReportFailedAttempt;
import io.livechain.delivery.query.DeliveryOfferView;
import io.livechain.delivery.query.DeliveryView;
import io.livechain.delivery.query.ListCourierDeliveries;
import io.livechain.delivery.query.ListDeliveryOffers;
import io.livechain.participant.ParticipantId;
import io.livechain.participant.query.FindParticipant;
import io.livechain.participant.query.ParticipantView;
import io.livechain.shared.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The courier's day: offers in its zones, claiming one, picking up, delivering with proof or reporting failure. */
@RestController
@RequestMapping("/api/v1/courier")
@Tag(name = "Courier")
class DeliveryController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    DeliveryController(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/offers")
    @Operation(summary = "Deliveries waiting for a courier in your zones, oldest first")
    List<DeliveryOfferView> offers(@AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new ListDeliveryOffers(zonesOf(caller)),
                        ResponseTypes.multipleInstancesOf(DeliveryOfferView.class))
                .join();
    }

    @GetMapping("/deliveries")
    @Operation(summary = "Your deliveries, newest first")
    List<DeliveryView> deliveries(@AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new ListCourierDeliveries(courier(caller)),
                        ResponseTypes.multipleInstancesOf(DeliveryView.class))
                .join();
    }

    @PostMapping("/deliveries/{id}/claim")
    @Operation(
            summary = "Claim a delivery: the first courier wins, the others get 409 delivery-already-claimed",
            description = "A courier holds at most livechain.delivery.max-open-claims (5) claimed deliveries that are"
                    + " not delivered yet: beyond that, 409 claim-limit-reached. A claim not picked up within the"
                    + " claim timeout lapses; its courier may claim that delivery again only after the reclaim"
                    + " cooldown (409 reclaim-too-soon before).")
    @ApiResponse(responseCode = "200", description = "Claimed: it is yours to pick up within the claim timeout.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no delivery offered in your zones has this id.")
    @ApiResponse(
            responseCode = "409",
            description = "`delivery-already-claimed`: another courier claimed it first."
                    + " `delivery-transition-not-allowed`: it is not waiting for a courier."
                    + " `claim-limit-reached`: you hold as many open claims as a courier may."
                    + " `reclaim-too-soon`: your claim on it lapsed; others have it first until the cooldown ends.")
    Changed claim(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        try {
            commands.sendAndWait(
                    new ClaimWithinLimit(new DeliveryId(id), courier(caller), zonesOf(caller), clock.instant()));
        } catch (ConcurrencyException | AggregateStreamCreationException lostTheRace) {
            // another claim was decided at the same moment (on this delivery, or on this courier's claim ledger)
            throw new DeliveryAlreadyClaimed();
        }
        return new Changed(id, "CLAIMED");
    }

    @PostMapping("/deliveries/{id}/pickup")
    @Operation(summary = "Picked up at the warehouse: the order is out for delivery")
    @ApiResponse(responseCode = "200", description = "Picked up: the order is out for delivery.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such delivery.")
    @ApiResponse(
            responseCode = "409",
            description = "`delivery-transition-not-allowed`: the delivery's status does not allow this step.")
    Changed pickUp(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new PickUpDelivery(new DeliveryId(id), courier(caller)));
        return new Changed(id, "PICKED_UP");
    }

    @PostMapping("/deliveries/{id}/deliver")
    @Operation(
            summary = "Delivered, with proof: the order is delivered",
            description = "proof.code is the code the buyer gives at the door (the merchant has it on the order)."
                    + " Another code is 422 delivery-code-mismatch naming proof.code, and changes nothing: the"
                    + " courier may ask again, or report a failed attempt.")
    @ApiResponse(responseCode = "200", description = "Delivered.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such delivery.")
    @ApiResponse(
            responseCode = "409",
            description = "`delivery-transition-not-allowed`: the delivery's status does not allow this step.")
    @ApiResponse(
            responseCode = "422",
            description = "`delivery-code-mismatch`: proof.code is not the buyer's code; nothing changed.")
    Changed deliver(@PathVariable UUID id, @Valid @RequestBody Delivered body, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new DeliverParcel(
                new DeliveryId(id),
                courier(caller),
                body.proof().recipientName(),
                body.proof().code()));
        return new Changed(id, "DELIVERED");
    }

    @PostMapping("/deliveries/{id}/fail")
    @Operation(summary = "A failed attempt: offered again; after 3 failed attempts the order is returned")
    @ApiResponse(
            responseCode = "200",
            description = "The failed attempt is recorded: the delivery is offered again, or returned after the third.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such delivery.")
    @ApiResponse(
            responseCode = "409",
            description = "`delivery-transition-not-allowed`: the delivery's status does not allow this step.")
    Changed fail(@PathVariable UUID id, @Valid @RequestBody Failure body, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new ReportFailedAttempt(new DeliveryId(id), courier(caller), body.reason()));
        return new Changed(id, "FAILED_ATTEMPT");
    }

    private List<String> zonesOf(Caller caller) {
        return queries.query(
                        new FindParticipant(courier(caller)), ResponseTypes.optionalInstanceOf(ParticipantView.class))
                .join()
                .map(ParticipantView::zones)
                .orElse(List.of());
    }

    private static ParticipantId courier(Caller caller) {
        return new ParticipantId(caller.participantId());
    }

    record Proof(
            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH) String recipientName,

            @NotBlank @Size(max = Limits.MAX_DELIVERY_CODE_LENGTH)
            String code) {}

    record Delivered(@NotNull @Valid Proof proof) {}

    record Failure(
            @NotBlank @Size(max = Limits.MAX_REASON_LENGTH) String reason) {}

    record Changed(UUID id, String status) {}
}
