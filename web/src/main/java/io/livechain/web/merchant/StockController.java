package io.livechain.web.merchant;

import io.livechain.access.Caller;
import io.livechain.participant.ParticipantId;
import io.livechain.stock.query.FindStock;
import io.livechain.stock.query.StockView;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Merchant: stock")
class StockController {

    private final QueryGateway queries;

    StockController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/stock/{sku}")
    @Operation(summary = "A SKU's stock per warehouse (on hand, reserved, available), inbound and backordered units")
    StockView stock(@PathVariable String sku, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new FindStock(new ParticipantId(caller.participantId()), sku),
                        ResponseTypes.optionalInstanceOf(StockView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("SKU"));
    }
}
