package io.livechain.access;

import java.time.Instant;

/**
 * A key just issued by a rotation: the key in the clear (shown once, never stored), and when the participant's
 * other keys stop working (null when it had none left).
 */
public record IssuedKey(ApiKeyView key, ApiKeySecret secret, Instant othersExpireAt) {}
