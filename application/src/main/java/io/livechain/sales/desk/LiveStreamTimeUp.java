package io.livechain.sales.desk;

import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.sales.command.EndLiveStreamOnTime;

/**
 * A stream's {@code endsAt} has come and nobody ended it: the platform takes it off air (it admits nothing from
 * then on anyway). Whether it ended it; safe to repeat, and a stream ended meanwhile, or not yet due, stays as it is.
 */
public record LiveStreamTimeUp(EndLiveStreamOnTime command) implements UseCase<Boolean> {

    @Override
    public Decision<Boolean> decide(DeskState state) {
        boolean due = state.liveStream(command.liveStreamId())
                .map(stream -> stream.checkTimeUp(command.at()))
                .orElse(false);
        return due
                ? Decision.accept(
                        true, apply -> apply.liveStream(command.liveStreamId(), stream -> stream.handle(command)))
                : Decision.unchanged(false);
    }
}
