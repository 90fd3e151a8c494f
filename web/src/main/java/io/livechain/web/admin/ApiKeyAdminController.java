package io.livechain.web.admin;

import io.livechain.access.ApiKeys;
import io.livechain.access.IssuedKey;
import io.livechain.access.KeyRotation;
import io.livechain.web.security.ApiKeyAnswers.Key;
import io.livechain.web.security.ApiKeyAnswers.NewKey;
import io.livechain.web.security.ApiKeyAnswers.Rotation;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator manages participants' API keys: lists them, issues a new one (rotation: the others keep working for a
 * grace period), and revokes one at once (a leaked key). Keys are rows of the key store, not events: nothing here is
 * in the audit trail's events, and no key or hash is ever logged.
 */
@RestController
@RequestMapping("/api/v1/admin/participants/{participantId}/api-keys")
@Tag(name = "Operator", description = "Registering merchants, factories, warehouses and couriers")
class ApiKeyAdminController {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAdminController.class);

    private final ApiKeys apiKeys;
    private final Clock clock;

    ApiKeyAdminController(ApiKeys apiKeys, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A participant's API keys, oldest first: their state, never the keys themselves")
    List<Key> keys(@PathVariable UUID participantId) {
        Instant now = clock.instant();
        List<Key> keys = apiKeys.keysOf(participantId).stream()
                .map(key -> Key.of(key, now))
                .toList();
        if (keys.isEmpty()) {
            throw new ResourceNotFound("participant");
        }
        return keys;
    }

    @GetMapping("/{keyId}")
    @Operation(summary = "One of a participant's API keys")
    Key key(@PathVariable UUID participantId, @PathVariable UUID keyId) {
        Instant now = clock.instant();
        return apiKeys.keysOf(participantId).stream()
                .filter(key -> key.id().equals(keyId))
                .findFirst()
                .map(key -> Key.of(key, now))
                .orElseThrow(() -> new ResourceNotFound("API key"));
    }

    @PostMapping
    @Operation(
            summary = "Issue a participant a new API key, shown only in this answer; its other keys keep working for"
                    + " gracePeriodSeconds (default 900, at most 86400; 0 stops them at once)")
    @ApiResponse(
            responseCode = "201",
            description = "The new key, shown once; the earlier keys work until previousKeysExpireAt.")
    ResponseEntity<NewKey> rotate(@PathVariable UUID participantId, @RequestBody(required = false) Rotation body) {
        KeyRotation rotation = KeyRotation.of(participantId, body == null ? null : body.gracePeriodSeconds());
        IssuedKey issued = apiKeys.rotate(rotation).orElseThrow(() -> new ResourceNotFound("participant"));
        log.info(
                "The operator issued API key {} to participant {}; its other keys stop working at {}",
                issued.key().id(),
                participantId,
                issued.othersExpireAt());
        return ResponseEntity.created(URI.create("/api/v1/admin/participants/" + participantId + "/api-keys/"
                        + issued.key().id()))
                .body(NewKey.of(issued));
    }

    @PostMapping("/{keyId}/revoke")
    @Operation(summary = "Revoke one of a participant's API keys at once: it answers 401 from now on")
    Key revoke(@PathVariable UUID participantId, @PathVariable UUID keyId) {
        Key revoked = apiKeys.revoke(participantId, keyId)
                .map(key -> Key.of(key, clock.instant()))
                .orElseThrow(() -> new ResourceNotFound("API key"));
        log.info("The operator revoked API key {} of participant {}", keyId, participantId);
        return revoked;
    }
}
