package io.livechain.web.participant;

import io.livechain.access.Caller;
import io.livechain.shared.InvalidField;
import io.livechain.web.support.IdempotencyFilter;
import io.livechain.web.support.ResourceNotFound;
import io.livechain.webhook.DeliveryLog;
import io.livechain.webhook.IssuedSubscription;
import io.livechain.webhook.NewSubscription;
import io.livechain.webhook.Redelivery;
import io.livechain.webhook.SecretRotation;
import io.livechain.webhook.WebhookSubscriptionView;
import io.livechain.webhook.WebhookSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A participant's webhooks: where it is told of its own objects (signed, at least once, in order, retried, and
 * rewindable to any earlier position of the event store). The payloads are described in this document's components
 * ({@code WebhookDelivery} and one schema per notification type). Another participant's subscription answers 404.
 */
@RestController
@Validated
@RequestMapping("/api/v1/me/webhooks")
@Tag(
        name = "Webhooks",
        description = "Every participant's webhook subscriptions: signed deliveries of the notifications about its own"
                + " objects (Standard Webhooks headers webhook-id, webhook-timestamp, webhook-signature), the delivery"
                + " log, and redelivery from an earlier position")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final String BASE = "/api/v1/me/webhooks/";

    private final WebhookSubscriptions subscriptions;

    WebhookController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * A new subscription.
     *
     * @param url where to deliver: an absolute http or https URL of a public address
     * @param eventTypes the notification types to deliver, each one the caller's role can subscribe to (merchant:
     *     {@code order.status_changed}, {@code stream.figures}, {@code stock.low}; factory: {@code
     *     production.requested}, {@code production.revised}, {@code forecast.updated}; courier: {@code
     *     delivery.offered}, {@code
     *     delivery.claim_expired}; warehouse: {@code order.ready_to_pick}); at least one
     */
    record Subscribe(String url, List<String> eventTypes) {}

    /** The body of a secret rotation; empty is fine. */
    record Rotate(@Nullable Long gracePeriodSeconds) {}

    /** The body of a redelivery. */
    record Redeliver(Long fromPosition) {}

    /**
     * A subscription with its signing secret: keep {@code secret}, it is not shown again (a replay of this answer
     * leaves it out).
     *
     * @param position the subscription's position in the event store (see the subscription)
     * @param previousSecretExpiresAt after a rotation, until when the previous secret signs too (a second signature)
     */
    record WithSecret(
            UUID id,
            String url,
            List<String> eventTypes,
            String status,
            Instant createdAt,
            long position,
            @Nullable String secret,
            @Nullable Instant previousSecretExpiresAt) {

        static WithSecret of(IssuedSubscription issued) {
            RequestContextHolder.currentRequestAttributes()
                    .setAttribute(IdempotencyFilter.SECRET_FIELDS, List.of("secret"), RequestAttributes.SCOPE_REQUEST);
            WebhookSubscriptionView subscription = issued.subscription();
            return new WithSecret(
                    subscription.id(),
                    subscription.url(),
                    subscription.eventTypes(),
                    subscription.status(),
                    subscription.createdAt(),
                    subscription.position(),
                    issued.secret().value(),
                    issued.previousSecretExpiresAt());
        }
    }

    @PostMapping
    @Operation(
            summary = "Subscribe: notifications of the chosen types stored from now on are POSTed to url, signed with"
                    + " the secret shown only in this answer")
    @ApiResponse(responseCode = "201", description = "The subscription, with its secret (shown once).")
    @ApiResponse(
            responseCode = "400",
            description = "`validation-failed`: url is not an absolute http(s) URL of a public address (loopback,"
                    + " private and link-local targets are refused), or eventTypes is empty or names a type the"
                    + " caller's role cannot subscribe to.")
    @ApiResponse(
            responseCode = "409",
            description = "`too-many-subscriptions`: the caller holds as many subscriptions as it may (25).")
    ResponseEntity<WithSecret> subscribe(@RequestBody Subscribe body, @AuthenticationPrincipal Caller caller) {
        IssuedSubscription issued = subscriptions.subscribe(
                new NewSubscription(caller.participantId(), caller.role(), body.url(), body.eventTypes()));
        log.info(
                "Participant {} subscribed webhook {} to {}",
                caller.participantId(),
                issued.subscription().id(),
                issued.subscription().eventTypes());
        return ResponseEntity.created(URI.create(BASE + issued.subscription().id()))
                .body(WithSecret.of(issued));
    }

    @GetMapping
    @Operation(summary = "Your webhook subscriptions, oldest first (never their secrets)")
    List<WebhookSubscriptionView> list(@AuthenticationPrincipal Caller caller) {
        return subscriptions.of(caller.participantId());
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One of your subscriptions: its position in the event store, whether it is failing (and when it"
                    + " tries next), or why it was disabled")
    WebhookSubscriptionView get(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return subscriptions.find(caller.participantId(), id).orElseThrow(WebhookController::notFound);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unsubscribe: nothing more is delivered, and the delivery log is deleted")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    void delete(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        if (!subscriptions.unsubscribe(caller.participantId(), id)) {
            throw notFound();
        }
        log.info("Participant {} deleted webhook {}", caller.participantId(), id);
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(
            summary = "A new signing secret, shown only in this answer; the previous one signs too (a second"
                    + " signature) for gracePeriodSeconds (default 86400, at most 604800; 0 stops it at once)")
    @ApiResponse(responseCode = "200", description = "The subscription with its new secret (shown once).")
    WithSecret rotateSecret(
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Rotate body,
            @AuthenticationPrincipal Caller caller) {
        SecretRotation rotation =
                SecretRotation.of(caller.participantId(), id, body == null ? null : body.gracePeriodSeconds());
        IssuedSubscription issued = subscriptions.rotateSecret(rotation).orElseThrow(WebhookController::notFound);
        log.info("Participant {} rotated the secret of webhook {}", caller.participantId(), id);
        return WithSecret.of(issued);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(
            summary = "The delivery log: every attempt, newest first, with the receiver's status or why it failed;"
                    + " pass nextCursor as cursor for the next page")
    @ApiResponse(responseCode = "200", description = "A page of attempts; nextCursor is absent on the last page.")
    @ApiResponse(responseCode = "400", description = "`invalid-cursor`: cursor is not a nextCursor this list returned.")
    DeliveryLog deliveries(
            @PathVariable UUID id,
            @RequestParam Optional<@Size(max = DeliveryLog.MAX_CURSOR_LENGTH) String> cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(DeliveryLog.MAX_LIMIT) int limit,
            @AuthenticationPrincipal Caller caller) {
        return subscriptions
                .deliveries(caller.participantId(), id, cursor.orElse(null), limit)
                .orElseThrow(WebhookController::notFound);
    }

    @PostMapping("/{id}/redeliver")
    @Operation(
            summary = "Rewind: deliver again every notification from fromPosition of the event store on (a"
                    + " notification's position is in its payload); a disabled subscription is enabled again")
    @ApiResponse(responseCode = "200", description = "The subscription, at its new position.")
    @ApiResponse(
            responseCode = "400",
            description = "`validation-failed`: fromPosition is missing, negative, or after the subscription's"
                    + " position + 1.")
    WebhookSubscriptionView redeliver(
            @PathVariable UUID id, @RequestBody Redeliver body, @AuthenticationPrincipal Caller caller) {
        InvalidField.require(body.fromPosition() != null, Redelivery.FROM_POSITION_FIELD, "is required");
        WebhookSubscriptionView rewound = subscriptions
                .redeliver(new Redelivery(caller.participantId(), id, body.fromPosition()))
                .orElseThrow(WebhookController::notFound);
        log.info("Participant {} rewound webhook {} to position {}", caller.participantId(), id, body.fromPosition());
        return rewound;
    }

    private static ResourceNotFound notFound() {
        return new ResourceNotFound("webhook subscription");
    }
}
