package io.livechain.sales.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.sales.LiveStreamNotFound;
import io.livechain.sales.command.EndLiveStream;
import io.livechain.shared.LiveStreamId;

/** The stream goes off air: its offers admit no more orders. Ending it again changes nothing. */
public record LiveStreamEnd(EndLiveStream command) implements UseCase<LiveStreamId> {

    @Override
    public Decision<LiveStreamId> decide(DeskState state) {
        boolean changes = state.liveStream(command.liveStreamId())
                .orElseThrow(LiveStreamNotFound::new)
                .checkEnd(command.merchantId());
        return changes
                ? Decision.accept(
                        command.liveStreamId(),
                        apply -> apply.liveStream(command.liveStreamId(), stream -> stream.handle(command)))
                : Decision.unchanged(command.liveStreamId());
    }
}
