package io.livechain.notification.store;

import io.livechain.infrastructure.projection.Views;
import io.livechain.notification.ReadModelsProgress;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * The read models' progress, from the tokens of the {@value Views#PROCESSING_GROUP} processor's segments in this
 * instance: an event is handled when every segment's token has passed it (its index is at or below the token's, and
 * is not one of the token's gaps).
 */
@Component
public class ViewsProgress implements ReadModelsProgress {

    private final EventProcessingConfiguration processing;

    public ViewsProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public boolean handled(long position) {
        var views = processing.eventProcessor(Views.PROCESSING_GROUP, StreamingEventProcessor.class);
        if (views.isEmpty()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> segments = views.get().processingStatus();
        return !segments.isEmpty()
                && segments.values().stream().allMatch(status -> passed(status.getTrackingToken(), position));
    }

    private static boolean passed(TrackingToken token, long position) {
        TrackingToken unwrapped = WrappedToken.unwrapUpperBound(token);
        if (unwrapped instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        return unwrapped != null && unwrapped.position().orElse(-1) >= position;
    }
}
