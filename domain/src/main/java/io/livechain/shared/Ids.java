package io.livechain.shared;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifiers derived from natural keys, so that "one per key" is enforced by the event store itself. */
public final class Ids {

    private Ids() {}

    /** The same parts always give the same UUID (name-based, version 3). */
    public static UUID derived(String kind, Object... parts) {
        StringBuilder name = new StringBuilder(kind);
        for (Object part : parts) {
            name.append('\u001f').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
