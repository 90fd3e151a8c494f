package io.livechain.web.factory;

import io.livechain.access.Caller;
import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.query.FindParticipant;
import io.livechain.participant.query.ListWarehouseMerchants;
import io.livechain.participant.query.ParticipantView;
import io.livechain.participant.query.WarehouseMerchantView;
import io.livechain.production.BatchId;
import io.livechain.production.BatchStatus;
import io.livechain.production.command.AcceptProduction;
import io.livechain.production.command.CompleteProduction;
import io.livechain.production.command.RejectProduction;
import io.livechain.production.command.ShipBatch;
import io.livechain.production.command.StartProduction;
import io.livechain.production.query.BatchView;
import io.livechain.production.query.FindBatch;
import io.livechain.production.query.ListProductionRequests;
import io.livechain.production.query.ProductionRequestView;
import io.livechain.shared.BusinessRuleViolation;
import io.livechain.shared.Limits;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The factory's side of production: requests to answer, batches to make, ship and track. */
@RestController
@Validated
@RequestMapping("/api/v1/factory")
@Tag(name = "Factory")
class ProductionController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    ProductionController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/production-requests")
    @Operation(summary = "Your production requests and batches, newest first, optionally of one status")
    List<ProductionRequestView> requests(
            @RequestParam Optional<BatchStatus> status, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new ListProductionRequests(
                                factory(caller),
                                null,
                                status.map(BatchStatus::name).orElse(null)),
                        ResponseTypes.multipleInstancesOf(ProductionRequestView.class))
                .join();
    }

    @GetMapping("/batches/{id}")
    @Operation(summary = "One of your batches, with the orders it served")
    BatchView batch(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new FindBatch(new BatchId(id), factory(caller), null),
                        ResponseTypes.optionalInstanceOf(BatchView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("batch"));
    }

    @PostMapping("/batches/{id}/accept")
    @Operation(summary = "Commit to a quantity and a completion date")
    @ApiResponse(responseCode = "200", description = "Accepted: the batch is committed.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such production batch.")
    @ApiResponse(
            responseCode = "409",
            description = "`batch-transition-not-allowed`: the batch's status does not allow this step.")
    Changed accept(@PathVariable UUID id, @Valid @RequestBody Acceptance body, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new AcceptProduction(
                new BatchId(id), factory(caller), body.committedQuantity(), body.expectedCompletionAt()));
        return new Changed(id, "ACCEPTED");
    }

    @PostMapping("/batches/{id}/reject")
    @Operation(summary = "Decline the request; the merchant sees the reason and a new request follows")
    @ApiResponse(responseCode = "200", description = "Rejected.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such production batch.")
    @ApiResponse(
            responseCode = "409",
            description = "`batch-transition-not-allowed`: the batch's status does not allow this step.")
    Changed reject(@PathVariable UUID id, @Valid @RequestBody Rejection body, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new RejectProduction(new BatchId(id), factory(caller), body.reason()));
        return new Changed(id, "REJECTED");
    }

    @PostMapping("/batches/{id}/start")
    @Operation(summary = "Production has started")
    @ApiResponse(responseCode = "200", description = "Started.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such production batch.")
    @ApiResponse(
            responseCode = "409",
            description = "`batch-transition-not-allowed`: the batch's status does not allow this step.")
    Changed start(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new StartProduction(new BatchId(id), factory(caller)));
        return new Changed(id, "STARTED");
    }

    @PostMapping("/batches/{id}/complete")
    @Operation(summary = "Production is done: how many were made and how many passed quality control")
    @ApiResponse(responseCode = "200", description = "Completed: the units that passed quality control can be shipped.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such production batch.")
    @ApiResponse(
            responseCode = "409",
            description = "`batch-transition-not-allowed`: the batch's status does not allow this step.")
    Changed complete(
            @PathVariable UUID id, @Valid @RequestBody Completion body, @AuthenticationPrincipal Caller caller) {
        commands.sendAndWait(new CompleteProduction(
                new BatchId(id), factory(caller), body.producedQuantity(), body.qcPassedQuantity()));
        return new Changed(id, "COMPLETED");
    }

    @PostMapping("/batches/{id}/ship")
    @Operation(
            summary = "Ship units that passed quality control to a warehouse; they show as inbound stock",
            description = "The warehouse must serve the batch's merchant (the operator links them): else 422"
                    + " unknown-warehouse, as for a warehouse that does not exist.")
    @ApiResponse(responseCode = "200", description = "Shipped: the units are inbound at the warehouse.")
    @ApiResponse(
            responseCode = "400",
            description = "`invalid-batch`: more units than passed quality control and are left to ship.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such production batch.")
    @ApiResponse(
            responseCode = "409",
            description = "`batch-transition-not-allowed`: the batch's status does not allow this step.")
    @ApiResponse(
            responseCode = "422",
            description = "`unknown-warehouse`: warehouseId does not name a registered warehouse that serves the"
                    + " batch's merchant.")
    Changed ship(@PathVariable UUID id, @Valid @RequestBody Shipment body, @AuthenticationPrincipal Caller caller) {
        ParticipantId warehouse = new ParticipantId(body.warehouseId());
        boolean isWarehouse = queries.query(
                        new FindParticipant(warehouse), ResponseTypes.optionalInstanceOf(ParticipantView.class))
                .join()
                .filter(participant -> participant.kind() == ParticipantKind.WAREHOUSE)
                .isPresent();
        if (!isWarehouse) {
            throw new UnknownWarehouse();
        }
        // a warehouse that does not serve the merchant could never receive the batch
        Optional<UUID> merchant = queries.query(
                        new FindBatch(new BatchId(id), factory(caller), null),
                        ResponseTypes.optionalInstanceOf(BatchView.class))
                .join()
                .map(found -> found.batch().merchantId());
        if (merchant.isPresent()
                && queries
                        .query(
                                new ListWarehouseMerchants(warehouse),
                                ResponseTypes.multipleInstancesOf(WarehouseMerchantView.class))
                        .join()
                        .stream()
                        .noneMatch(served -> served.merchantId().equals(merchant.get()))) {
            throw new UnknownWarehouse();
        }
        commands.sendAndWait(new ShipBatch(
                new BatchId(id), factory(caller), new ParticipantId(body.warehouseId()), body.quantity()));
        return new Changed(id, "SHIPPED");
    }

    private static ParticipantId factory(Caller caller) {
        return new ParticipantId(caller.participantId());
    }

    record Acceptance(
            @Min(1) @Max(Limits.MAX_UNITS) int committedQuantity,
            @NotNull Instant expectedCompletionAt) {}

    record Rejection(
            @NotBlank @Size(max = Limits.MAX_REASON_LENGTH) String reason) {}

    record Completion(
            @Min(0) @Max(Limits.MAX_UNITS) int producedQuantity,
            @Min(0) @Max(Limits.MAX_UNITS) int qcPassedQuantity) {}

    record Shipment(
            @NotNull UUID warehouseId,
            @Min(1) @Max(Limits.MAX_UNITS) int quantity) {}

    record Changed(UUID id, String status) {}

    static final class UnknownWarehouse extends BusinessRuleViolation {
        UnknownWarehouse() {
            super(
                    "unknown-warehouse",
                    Kind.UNPROCESSABLE,
                    "warehouseId",
                    "warehouseId does not name a registered warehouse that serves this batch's merchant");
        }
    }
}
