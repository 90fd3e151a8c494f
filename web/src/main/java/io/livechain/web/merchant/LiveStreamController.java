package io.livechain.web.merchant;

import io.livechain.access.Caller;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.OfferTerms;
import io.livechain.sales.command.EndLiveStream;
import io.livechain.sales.command.ScheduleLiveStream;
import io.livechain.sales.desk.LiveStreamEnd;
import io.livechain.sales.desk.LiveStreamScheduling;
import io.livechain.sales.desk.LiveStreamStart;
import io.livechain.sales.query.FindLiveStream;
import io.livechain.sales.query.FindLiveStreamAsOf;
import io.livechain.sales.query.LiveStreamView;
import io.livechain.shared.Limits;
import io.livechain.shared.LiveStreamId;
import io.livechain.shared.Sku;
import io.livechain.web.support.DecidedByDesk;
import io.livechain.web.support.DeskResponses;
import io.livechain.web.support.DeskResponses.Answer;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
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
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Live streams and their offers: scheduled, started (orders are taken), ended. */
@RestController
@RequestMapping("/api/v1/live-streams")
@Tag(name = "Merchant: live streams")
class LiveStreamController {

    private final DeskResponses desk;
    private final QueryGateway queries;
    private final Clock clock;

    LiveStreamController(DeskResponses desk, QueryGateway queries, Clock clock) {
        this.desk = desk;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping
    @DecidedByDesk
    @Operation(summary = "Schedule a live stream with its offers (every SKU from your catalogue)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Created.class)))
    @ApiResponse(
            responseCode = "400",
            description =
                    "`invalid-live-stream`: the stream or an offer breaks a rule of live streams (endsAt not after startsAt, a SKU offered twice, perBuyerLimit above quantity, ...).")
    @ApiResponse(responseCode = "422", description = "`unknown-sku`: an offer's SKU is not in your catalogue.")
    ResponseEntity<byte[]> schedule(
            @Valid @RequestBody NewLiveStream body, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        ScheduleLiveStream command = new ScheduleLiveStream(
                LiveStreamId.random(),
                new ParticipantId(caller.participantId()),
                body.title(),
                body.startsAt(),
                body.endsAt(),
                body.paymentWindowMinutes(),
                body.offers().stream()
                        .map(offer -> new OfferTerms(
                                offer.sku(),
                                offer.price(),
                                offer.quantity(),
                                offer.perBuyerLimit(),
                                offer.allowBackorder()))
                        .toList());
        return desk.decide(
                http,
                caller,
                command,
                new LiveStreamScheduling(command),
                id -> new Answer(HttpStatus.CREATED, "/api/v1/live-streams/" + id, new Created(id.value())));
    }

    @PostMapping("/{id}/start")
    @DecidedByDesk
    @Operation(summary = "Go on air: orders are admitted from now on, until the stream's endsAt")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatusChanged.class)))
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such live stream.")
    @ApiResponse(
            responseCode = "409",
            description = "`live-stream-transition-not-allowed`: the live stream has ended."
                    + " `live-stream-over`: its endsAt has passed; schedule a new one.")
    ResponseEntity<byte[]> start(
            @PathVariable UUID id, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        LiveStreamStart command = new LiveStreamStart(new LiveStreamId(id), new ParticipantId(caller.participantId()));
        return desk.decide(
                http,
                caller,
                command,
                command,
                started -> new Answer(HttpStatus.OK, null, new StatusChanged(id, "LIVE")));
    }

    @PostMapping("/{id}/end")
    @DecidedByDesk
    @Operation(summary = "Go off air: no more orders are admitted")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatusChanged.class)))
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such live stream.")
    @ApiResponse(
            responseCode = "409",
            description = "`live-stream-transition-not-allowed`: the live stream's status does not allow ending it.")
    ResponseEntity<byte[]> end(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        EndLiveStream command = new EndLiveStream(new LiveStreamId(id), new ParticipantId(caller.participantId()));
        return desk.decide(
                http,
                caller,
                command,
                new LiveStreamEnd(command),
                ended -> new Answer(HttpStatus.OK, null, new StatusChanged(id, "ENDED")));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A live stream with, per offer, admitted, reserved, backordered and remaining units; with asOf,"
                    + " as it stood at that moment")
    @ApiResponse(
            responseCode = "200",
            description = "The stream now, or with asOf as it stood then: its status and offers from its own events,"
                    + " and what its orders held from the inventories' events stored up to that moment.")
    @ApiResponse(responseCode = "400", description = AsOf.INVALID)
    @ApiResponse(
            responseCode = "404",
            description = "`not-found`: you have no such live stream, or (with asOf) it was not scheduled yet at that"
                    + " moment.")
    LiveStreamView get(
            @PathVariable UUID id,
            @Parameter(
                            description = AsOf.DESCRIPTION,
                            example = "2026-11-27T20:03:17Z",
                            schema = @Schema(type = "string", format = "date-time"))
                    @RequestParam(name = AsOf.PARAMETER, required = false)
                    String asOf,
            @AuthenticationPrincipal Caller caller) {
        Instant moment = AsOf.parse(asOf, clock);
        LiveStreamId streamId = new LiveStreamId(id);
        ParticipantId merchantId = new ParticipantId(caller.participantId());
        Object query = moment == null
                ? new FindLiveStream(streamId, merchantId)
                : new FindLiveStreamAsOf(streamId, merchantId, moment);
        return queries.query(query, ResponseTypes.optionalInstanceOf(LiveStreamView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("live stream"));
    }

    record NewLiveStream(
            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH) String title,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @Min(1) @Max(Limits.MAX_PAYMENT_WINDOW_MINUTES) int paymentWindowMinutes,
            @NotEmpty @Size(max = Limits.MAX_OFFERS) List<@Valid @NotNull NewOffer> offers) {}

    record NewOffer(
            @NotNull @Pattern(regexp = Sku.PATTERN, message = Sku.RULE)
            String sku,

            @NotNull
            @DecimalMin(value = "0.01")
            @DecimalMax(Limits.MAX_PRICE_TEXT)
            @Digits(integer = 10, fraction = Limits.MONEY_DECIMALS)
            BigDecimal price,

            @Min(1) @Max(Limits.MAX_UNITS) int quantity,
            @Min(1) @Max(Limits.MAX_UNITS) int perBuyerLimit,
            boolean allowBackorder) {}

    record Created(UUID id) {}

    record StatusChanged(UUID id, String status) {}
}
