package io.livechain.web.warehouse;

import io.livechain.access.Caller;
import io.livechain.desk.UseCase;
import io.livechain.participant.ParticipantId;
import io.livechain.production.BatchId;
import io.livechain.production.desk.BatchReceipt;
import io.livechain.shared.Limits;
import io.livechain.shared.Sku;
import io.livechain.stock.desk.StockReceipt;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Goods in: a receipt credits the merchant's stock at this warehouse and serves waiting orders first. */
@RestController
@Tag(name = "Warehouse")
class ReceiptController {

    private final DeskResponses desk;

    ReceiptController(DeskResponses desk) {
        this.desk = desk;
    }

    @PostMapping("/api/v1/warehouse/receipts")
    @DecidedByDesk
    @Operation(
            summary = "Receive units of a merchant's SKU; backorders are filled first-come-first-served",
            description = "Only for a merchant the operator linked this warehouse to; any other merchantId is 422"
                    + " unknown-merchant (naming merchantId), as if the merchant did not exist, and changes nothing.")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Received.class)))
    @ApiResponse(
            responseCode = "400",
            description =
                    "`invalid-receipt`: the quantity breaks a rule of stock (at most 10000000 units received of a SKU at a warehouse).")
    @ApiResponse(
            responseCode = "422",
            description =
                    "`unknown-merchant`: merchantId names no merchant this warehouse serves. `unknown-sku`: the SKU is not in that merchant's catalogue. `unknown-batch`: batchId names no production batch of that merchant's SKU. `receipt-exceeds-shipment`: more units than the batch shipped to this warehouse are still on their way.")
    ResponseEntity<byte[]> receive(
            @Valid @RequestBody Receipt body, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        ParticipantId warehouse = new ParticipantId(caller.participantId());
        StockReceipt receipt =
                new StockReceipt(warehouse, new ParticipantId(body.merchantId()), body.sku(), body.quantity());
        // units from a production batch: the batch is checked and recorded as received with the stock
        UseCase<StockReceipt.Received> decision =
                body.batchId() == null ? receipt : new BatchReceipt(receipt, new BatchId(body.batchId()));
        return desk.decide(
                http,
                caller,
                body,
                decision,
                received -> new Answer(
                        HttpStatus.CREATED,
                        null,
                        new Received(
                                received.receiptId(),
                                warehouse.value(),
                                body.merchantId(),
                                body.sku(),
                                body.quantity(),
                                body.batchId())));
    }

    record Receipt(
            @NotNull UUID merchantId,

            @NotNull @Pattern(regexp = Sku.PATTERN, message = Sku.RULE)
            String sku,

            @Min(1) @Max(Limits.MAX_UNITS) int quantity,
            @Nullable UUID batchId) {}

    record Received(
            UUID id,
            UUID warehouseId,
            UUID merchantId,
            String sku,
            int quantity,
            @Nullable UUID batchId) {}
}
