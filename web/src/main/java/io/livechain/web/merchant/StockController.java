package io.livechain.web.merchant;

import io.livechain.access.Caller;
import io.livechain.participant.ParticipantId;
import io.livechain.stock.query.FindStock;
import io.livechain.stock.query.FindStockAsOf;
import io.livechain.stock.query.StockView;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Merchant: stock")
class StockController {

    private final QueryGateway queries;
    private final Clock clock;

    StockController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/v1/stock/{sku}")
    @Operation(
            summary = "A SKU's stock per warehouse (on hand, reserved, available), inbound and backordered units;"
                    + " with asOf, as it stood at that moment")
    @ApiResponse(
            responseCode = "200",
            description = "The stock now, or with asOf as it stood then: counted from the inventory's events and the"
                    + " SKU's production batches' events stored up to that moment.")
    @ApiResponse(responseCode = "400", description = AsOf.INVALID)
    @ApiResponse(
            responseCode = "404",
            description = "`not-found`: you have no such SKU, or (with asOf) you did not have it yet at that moment.")
    StockView stock(
            @PathVariable String sku,
            @Parameter(
                            description = AsOf.DESCRIPTION,
                            example = "2026-11-27T20:03:17Z",
                            schema = @Schema(type = "string", format = "date-time"))
                    @RequestParam(name = AsOf.PARAMETER, required = false)
                    String asOf,
            @AuthenticationPrincipal Caller caller) {
        Instant moment = AsOf.parse(asOf, clock);
        ParticipantId merchantId = new ParticipantId(caller.participantId());
        Object query = moment == null ? new FindStock(merchantId, sku) : new FindStockAsOf(merchantId, sku, moment);
        return queries.query(query, ResponseTypes.optionalInstanceOf(StockView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("SKU"));
    }
}
