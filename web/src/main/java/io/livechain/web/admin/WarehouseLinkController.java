package io.livechain.web.admin;

import io.livechain.access.Caller;
import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.desk.MerchantLinking;
import io.livechain.participant.query.FindParticipant;
import io.livechain.participant.query.ListWarehouseMerchants;
import io.livechain.participant.query.ParticipantView;
import io.livechain.participant.query.WarehouseMerchantView;
import io.livechain.web.support.DecidedByDesk;
import io.livechain.web.support.DeskResponses;
import io.livechain.web.support.DeskResponses.Answer;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which merchants a warehouse serves: the operator links a warehouse to a merchant before the warehouse can receive
 * the merchant's stock, and can unlink it again. Decided by the desk, where receipts are decided.
 */
@RestController
@RequestMapping("/api/v1/admin/warehouses/{warehouseId}/merchants")
@Tag(name = "Operator")
class WarehouseLinkController {

    private static final String PROBLEM = "application/problem+json";

    private final DeskResponses desk;
    private final QueryGateway queries;

    WarehouseLinkController(DeskResponses desk, QueryGateway queries) {
        this.desk = desk;
        this.queries = queries;
    }

    @PutMapping("/{merchantId}")
    @DecidedByDesk
    @Operation(
            summary = "Link a warehouse to a merchant: from now on it may receive the merchant's stock",
            description = "Idempotent: linking a warehouse to a merchant it already serves changes nothing.")
    @ApiResponse(
            responseCode = "200",
            description = "the warehouse serves the merchant",
            content = @Content(schema = @Schema(implementation = Link.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no such warehouse, or no such merchant (type not-found)",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<byte[]> link(
            @PathVariable UUID warehouseId,
            @PathVariable UUID merchantId,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest http) {
        return decide(warehouseId, merchantId, true, caller, http);
    }

    @DeleteMapping("/{merchantId}")
    @DecidedByDesk
    @Operation(
            summary = "Unlink a warehouse from a merchant: it receives none of the merchant's stock any more",
            description = "Units the warehouse already holds stay there, and are sold and packed as before."
                    + " Idempotent: unlinking a merchant the warehouse does not serve changes nothing.")
    @ApiResponse(
            responseCode = "200",
            description = "the warehouse does not serve the merchant",
            content = @Content(schema = @Schema(implementation = Link.class)))
    @ApiResponse(
            responseCode = "404",
            description = "no such warehouse, or no such merchant (type not-found)",
            content = @Content(mediaType = PROBLEM))
    ResponseEntity<byte[]> unlink(
            @PathVariable UUID warehouseId,
            @PathVariable UUID merchantId,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest http) {
        return decide(warehouseId, merchantId, false, caller, http);
    }

    @GetMapping
    @Operation(summary = "The merchants a warehouse serves, oldest link first")
    @ApiResponse(
            responseCode = "200",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = WarehouseMerchantView.class))))
    @ApiResponse(
            responseCode = "404",
            description = "no such warehouse (type not-found)",
            content = @Content(mediaType = PROBLEM))
    List<WarehouseMerchantView> merchants(@PathVariable UUID warehouseId) {
        ParticipantId warehouse = new ParticipantId(warehouseId);
        queries.query(new FindParticipant(warehouse), ResponseTypes.optionalInstanceOf(ParticipantView.class))
                .join()
                .filter(found -> found.kind() == ParticipantKind.WAREHOUSE)
                .orElseThrow(() -> new ResourceNotFound("warehouse"));
        return queries.query(
                        new ListWarehouseMerchants(warehouse),
                        ResponseTypes.multipleInstancesOf(WarehouseMerchantView.class))
                .join();
    }

    private ResponseEntity<byte[]> decide(
            UUID warehouseId, UUID merchantId, boolean linked, Caller caller, HttpServletRequest http) {
        MerchantLinking linking =
                new MerchantLinking(new ParticipantId(warehouseId), new ParticipantId(merchantId), linked);
        return desk.decide(
                http,
                caller,
                linking,
                linking,
                link -> new Answer(HttpStatus.OK, null, new Link(warehouseId, merchantId, link.linked())));
    }

    /** Whether the warehouse serves the merchant now. */
    record Link(UUID warehouseId, UUID merchantId, boolean linked) {}
}
