package io.livechain.web.admin;

import io.livechain.operations.SetAsideEvents;
import io.livechain.operations.SetAsideEvents.Replay;
import io.livechain.operations.SetAsideEvents.SetAsideEvent;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events the read models could not take: the operator lists them with their reasons and, once the cause is fixed,
 * replays them. A replay that fails again is answered with the new reason and leaves the event on the list.
 */
@RestController
@Validated
@RequestMapping("/api/v1/admin/set-aside-events")
@Tag(name = "Operator")
class SetAsideEventController {

    private final SetAsideEvents setAsideEvents;

    SetAsideEventController(SetAsideEvents setAsideEvents) {
        this.setAsideEvents = setAsideEvents;
    }

    @GetMapping
    @Operation(summary = "Events set aside by the read models, the oldest first, with the reason each failed")
    List<SetAsideEvent> list(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return setAsideEvents.list(limit);
    }

    @PostMapping("/{eventId}/replay")
    @Operation(summary = "Replay one set-aside event through its read models; it leaves the list if they take it")
    List<Replay> replay(@PathVariable @Pattern(regexp = "[0-9A-Za-z-]{1,64}") String eventId) {
        List<Replay> replays = setAsideEvents.replay(eventId);
        if (replays.isEmpty()) {
            throw new ResourceNotFound("set-aside event");
        }
        return replays;
    }

    @PostMapping("/replay")
    @Operation(summary = "Replay every set-aside event, the oldest first")
    List<Replay> replayAll() {
        return setAsideEvents.replayAll();
    }
}
