package io.livechain.sales.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.participant.ParticipantId;
import io.livechain.sales.LiveStreamNotFound;
import io.livechain.sales.command.StartLiveStream;
import io.livechain.shared.LiveStreamId;

/**
 * The stream goes on air: from now on its offers admit orders, until its {@code endsAt}. Starting a live stream again
 * changes nothing; starting it once its {@code endsAt} has passed is refused.
 */
public record LiveStreamStart(LiveStreamId liveStreamId, ParticipantId merchantId) implements UseCase<LiveStreamId> {

    @Override
    public Decision<LiveStreamId> decide(DeskState state) {
        StartLiveStream command = new StartLiveStream(liveStreamId, merchantId, state.now());
        boolean changes = state.liveStream(liveStreamId)
                .orElseThrow(LiveStreamNotFound::new)
                .checkStart(merchantId, command.at());
        return changes
                ? Decision.accept(
                        liveStreamId, apply -> apply.liveStream(liveStreamId, stream -> stream.handle(command)))
                : Decision.unchanged(liveStreamId);
    }
}
