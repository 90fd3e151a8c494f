package io.livechain.webhook;

import io.livechain.access.Role;
import io.livechain.shared.InvalidField;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A participant's request to be told at {@code url} of the notifications of {@code eventTypes} (each one its role can
 * subscribe to, see {@link WebhookEventTypes}; at least one). The URL is checked by {@link WebhookTargets}.
 */
public record NewSubscription(UUID participantId, Role role, String url, List<String> eventTypes) {

    public static final String URL_FIELD = "url";
    public static final String EVENT_TYPES_FIELD = "eventTypes";

    public NewSubscription {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
        List<String> allowed = WebhookEventTypes.of(role);
        InvalidField.require(
                eventTypes != null && !eventTypes.isEmpty(),
                EVENT_TYPES_FIELD,
                "at least one of " + String.join(", ", allowed));
        InvalidField.require(
                eventTypes.size() <= allowed.size(), EVENT_TYPES_FIELD, "at most " + allowed.size() + " types");
        var chosen = new LinkedHashSet<String>();
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            String field = EVENT_TYPES_FIELD + "[" + i + "]";
            InvalidField.require(
                    type != null && allowed.contains(type), field, "must be one of " + String.join(", ", allowed));
            InvalidField.require(chosen.add(type), field, "is named twice");
        }
        eventTypes = List.copyOf(chosen);
    }
}
