package io.livechain.web.merchant;

import io.livechain.access.Caller;
import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.production.BatchStatus;
import io.livechain.production.query.BatchOrders;
import io.livechain.production.query.BatchView;
import io.livechain.production.query.FindBatch;
import io.livechain.production.query.FindBatchOrders;
import io.livechain.production.query.ListProductionRequests;
import io.livechain.production.query.ProductionRequestView;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What replenishment asked factories to make for you, and how each batch is doing (rejections included). */
@RestController
@Validated
@Tag(name = "Merchant: production")
class ProductionRequestController {

    private final QueryGateway queries;

    ProductionRequestController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/production-requests")
    @Operation(summary = "Production requests for your SKUs, newest first, optionally of one status")
    List<ProductionRequestView> requests(
            @RequestParam Optional<BatchStatus> status, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new ListProductionRequests(
                                null,
                                new ParticipantId(caller.participantId()),
                                status.map(BatchStatus::name).orElse(null)),
                        ResponseTypes.multipleInstancesOf(ProductionRequestView.class))
                .join();
    }

    @GetMapping("/api/v1/production/batches/{id}/orders")
    @Operation(
            summary = "A recall: every order that received units of your batch, with where they are now",
            description = "Units are taken from a warehouse's receipts first in, first out; an order that gave its "
                    + "units back before they left (cancelled, expired) is not listed. Each order shows its status, "
                    + "buyer and address, and the delivery that carries the batch's line: from which warehouse, with "
                    + "which courier, in which state.")
    @ApiResponse(responseCode = "200", description = "The batch and every order that received its units.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no batch for one of your SKUs has this id.")
    BatchOrders batchOrders(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new FindBatchOrders(new BatchId(id), new ParticipantId(caller.participantId())),
                        ResponseTypes.optionalInstanceOf(BatchOrders.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("batch"));
    }

    @GetMapping("/api/v1/production-batches/{id}")
    @Operation(summary = "One batch for your SKU, with the orders it served")
    BatchView batch(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new FindBatch(new BatchId(id), null, new ParticipantId(caller.participantId())),
                        ResponseTypes.optionalInstanceOf(BatchView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("batch"));
    }
}
