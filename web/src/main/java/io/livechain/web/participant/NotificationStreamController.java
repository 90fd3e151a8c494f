package io.livechain.web.participant;

import io.livechain.access.Caller;
import io.livechain.notification.Notification;
import io.livechain.shared.InvalidField;
import io.livechain.web.stream.EventStreams;
import io.livechain.web.stream.NotificationStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A participant's own notifications as they happen: Server-Sent Events with the same scoping as its webhooks (a
 * merchant hears of its orders and streams, a factory of its production requests, a warehouse of what it is to pick,
 * a courier of the deliveries offered in its zones), resumable with {@code Last-Event-ID}.
 */
@RestController
@Tag(name = "Own notifications", description = "Every participant's notifications: webhooks and an event stream")
class NotificationStreamController {

    private static final String TYPES = "types";
    private static final int MAX_TYPES = 20;

    private final NotificationStreams streams;

    NotificationStreamController(NotificationStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/api/v1/me/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Your notifications as they happen: Server-Sent Events, resumable with Last-Event-ID",
            description = "Each event is named by its notification's type (order.status_changed, delivery.offered,"
                    + " ...) and its data is the same JSON a webhook delivery carries (WebhookDelivery: id, type,"
                    + " timestamp, position, data). Each event's id resumes the stream after it: a client that"
                    + " reconnects with Last-Event-ID (as EventSource does by itself) gets everything after that"
                    + " event, read from the event store, then what happens next, without loss and without"
                    + " repeats. Without it, the stream starts now. Comments (: heartbeat) keep a quiet stream"
                    + " alive every 15 seconds; the platform ends a stream after livechain.event-streams.max-duration"
                    + " (30 minutes), and the client reconnects. With once=true, the stream sends what is stored up to"
                    + " now after Last-Event-ID (nothing without it) and ends.")
    @ApiResponse(
            responseCode = "200",
            description = "text/event-stream of notifications (each data a WebhookDelivery envelope).",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "`validation-failed`: once is neither true nor false, types names a type there is not, or"
                    + " Last-Event-ID is not the id of an event of this stream (`errors` names which).")
    @ApiResponse(
            responseCode = "429",
            description = "`too-many-streams`: this API key holds as many event streams open as it may"
                    + " (livechain.event-streams.max-per-key); close one, or retry after Retry-After seconds.")
    SseEmitter events(
            @Parameter(
                            description = "true: what is stored up to now after Last-Event-ID, then the stream ends.",
                            schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(name = EventStreams.ONCE, required = false)
                    String once,
            @Parameter(
                            description = "Only these notification types, comma-separated (all when absent):"
                                    + " order.status_changed, stream.figures, stock.low, production.requested,"
                                    + " production.revised, forecast.updated, delivery.offered,"
                                    + " delivery.claim_expired,"
                                    + " order.ready_to_pick.",
                            example = "delivery.offered")
                    @RequestParam(name = TYPES, required = false)
                    String types,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The id of the last event received: the stream resumes after it.")
                    @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId,
            @AuthenticationPrincipal Caller caller,
            HttpServletResponse response) {
        boolean justOnce = EventStreams.once(once);
        Set<String> wanted = types(types);
        var resume = lastEventId == null || lastEventId.isEmpty() ? null : NotificationStreams.resumeAfter(lastEventId);
        SseEmitter emitter = streams.subscribe(caller, wanted, resume, justOnce);
        response.setHeader("X-Accel-Buffering", "no");
        return emitter;
    }

    /** Comma-separated types, each one the platform has; none is all. */
    private static Set<String> types(String listed) {
        if (listed == null || listed.isBlank()) {
            return Set.of();
        }
        List<String> known = Notification.types();
        Set<String> wanted = new LinkedHashSet<>();
        for (String type : listed.split(",", -1)) {
            String name = type.strip();
            InvalidField.require(known.contains(name), TYPES, "must name notification types: " + known);
            wanted.add(name);
        }
        InvalidField.require(wanted.size() <= MAX_TYPES, TYPES, "at most " + MAX_TYPES + " types");
        return Set.copyOf(wanted);
    }
}
