package io.livechain.web.warroom;

import io.livechain.access.Caller;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.LiveStreamId;
import io.livechain.web.stream.EventStreams;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The figures of a live stream's war room, once or as they change (Server-Sent Events). */
@RestController
@RequestMapping("/api/v1/live-streams/{id}/war-room")
@Tag(name = "Merchant: live streams")
class WarRoomController {

    private final WarRooms rooms;

    WarRoomController(WarRooms rooms) {
        this.rooms = rooms;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The war room's figures of a live stream: each offer's units and when it sold out, the order"
                    + " intake per second, backorders and their batches, where the orders are",
            description = "Computed once a second for everybody who watches the stream (so at most about a second"
                    + " old), from the read models, the stream's own events and the order intake's answers. The"
                    + " intake is counted from the first time the stream's figures were asked for.")
    @ApiResponse(responseCode = "200", description = "The figures as of computedAt.")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such live stream.")
    WarRoomView figures(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return rooms.figures(new ParticipantId(caller.participantId()), new LiveStreamId(id))
                .orElseThrow(() -> new ResourceNotFound("live stream"));
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The war room's figures of a live stream as they change: Server-Sent Events, once a second",
            description = "Each event is named figures and its data is the JSON of GET .../war-room (WarRoomView):"
                    + " the current figures at once, then each second's. A client too slow for a second's figures"
                    + " gets the next second's. The stream ends after livechain.event-streams.max-duration (30"
                    + " minutes); reconnect to go on. With once=true the stream ends after the first event.")
    @ApiResponse(
            responseCode = "200",
            description = "text/event-stream of figures events (each data a WarRoomView).",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "400",
            description = "`validation-failed`: once is neither true nor false (`errors` names once).")
    @ApiResponse(responseCode = "404", description = "`not-found`: you have no such live stream.")
    @ApiResponse(
            responseCode = "429",
            description = "`too-many-streams`: this API key holds as many event streams open as it may"
                    + " (livechain.event-streams.max-per-key); close one, or retry after Retry-After seconds.")
    SseEmitter events(
            @PathVariable UUID id,
            @Parameter(
                            description = "true: only the current figures, then the stream ends.",
                            schema = @Schema(type = "boolean", defaultValue = "false"))
                    @RequestParam(name = EventStreams.ONCE, required = false)
                    String once,
            @AuthenticationPrincipal Caller caller,
            HttpServletResponse response) {
        boolean justOnce = EventStreams.once(once);
        SseEmitter emitter = rooms.follow(caller, new LiveStreamId(id), justOnce)
                .orElseThrow(() -> new ResourceNotFound("live stream"));
        // a proxy in between (nginx) passes each event on at once
        response.setHeader("X-Accel-Buffering", "no");
        return emitter;
    }
}
