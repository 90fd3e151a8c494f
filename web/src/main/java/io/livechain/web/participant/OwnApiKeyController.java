package io.livechain.web.participant;

import io.livechain.access.ApiKeys;
import io.livechain.access.Caller;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A participant rotates its own API key: the new key is shown once, and its other keys (the one that asked too) keep
 * working for a grace period, so its servers can move over. The operator's key is set by configuration instead.
 */
@RestController
@RequestMapping("/api/v1/me/api-key")
@Tag(name = "Own API key", description = "Every participant's own API key: its state, and rotating it")
class OwnApiKeyController {

    private static final Logger log = LoggerFactory.getLogger(OwnApiKeyController.class);

    private final ApiKeys apiKeys;
    private final Clock clock;

    OwnApiKeyController(ApiKeys apiKeys, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The key this request was made with: its state (an expiring key says until when)")
    Key current(@AuthenticationPrincipal Caller caller) {
        return apiKeys.keysOf(caller.participantId()).stream()
                .filter(key -> key.id().equals(caller.apiKeyId()))
                .findFirst()
                .map(key -> Key.of(key, clock.instant()))
                .orElseThrow(() -> new ResourceNotFound("API key"));
    }

    @PostMapping
    @Operation(
            summary = "Rotate: a new API key, shown only in this answer; the other keys keep working for"
                    + " gracePeriodSeconds (default 900, at most 86400; 0 stops them at once)")
    @ApiResponse(
            responseCode = "201",
            description = "The new key, shown once; the earlier keys work until previousKeysExpireAt.")
    ResponseEntity<NewKey> rotate(
            @RequestBody(required = false) Rotation body, @AuthenticationPrincipal Caller caller) {
        KeyRotation rotation = KeyRotation.of(caller.participantId(), body == null ? null : body.gracePeriodSeconds());
        IssuedKey issued = apiKeys.rotate(rotation).orElseThrow(() -> new ResourceNotFound("participant"));
        log.info(
                "Participant {} rotated its API key: new key {}; its other keys stop working at {}",
                caller.participantId(),
                issued.key().id(),
                issued.othersExpireAt());
        return ResponseEntity.created(URI.create("/api/v1/me/api-key")).body(NewKey.of(issued));
    }
}
