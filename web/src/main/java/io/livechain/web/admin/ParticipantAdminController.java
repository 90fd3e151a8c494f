package io.livechain.web.admin;

import io.livechain.access.ParticipantRegistration;
import io.livechain.access.ParticipantRegistration.Credentials;
import io.livechain.participant.InvalidRegistration;
import io.livechain.participant.ParticipantId;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.query.FindParticipant;
import io.livechain.participant.query.ListParticipants;
import io.livechain.participant.query.ParticipantView;
import io.livechain.shared.Limits;
import io.livechain.shared.Zone;
import io.livechain.web.support.IdempotencyFilter;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** The operator registers participants; each registration returns the participant's API key, once. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Operator", description = "Registering merchants, factories, warehouses and couriers")
class ParticipantAdminController {

    private final ParticipantRegistration registration;
    private final QueryGateway queries;

    ParticipantAdminController(ParticipantRegistration registration, QueryGateway queries) {
        this.registration = registration;
        this.queries = queries;
    }

    @PostMapping("/merchants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a merchant; the answer holds its API key, shown only this once")
    ResponseEntity<Registered> registerMerchant(@Valid @RequestBody NamedParticipant request) {
        return registered(registration.register(ParticipantKind.MERCHANT, request.name(), List.of()));
    }

    @PostMapping("/factories")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a factory; the answer holds its API key, shown only this once")
    ResponseEntity<Registered> registerFactory(@Valid @RequestBody NamedParticipant request) {
        return registered(registration.register(ParticipantKind.FACTORY, request.name(), List.of()));
    }

    @PostMapping("/warehouses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a warehouse in its zone; the answer holds its API key, shown only this once")
    @ApiResponse(
            responseCode = "400",
            description = "`invalid-registration`: the zone is not 1 to 64 letters, digits, '-' or '_'.")
    ResponseEntity<Registered> registerWarehouse(@Valid @RequestBody NewWarehouse request) {
        requireZone(request.zone(), "zone");
        return registered(registration.register(ParticipantKind.WAREHOUSE, request.name(), List.of(request.zone())));
    }

    @PostMapping("/couriers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a courier and the zones it serves; the answer holds its API key, shown once")
    @ApiResponse(
            responseCode = "400",
            description = "`invalid-registration`: a zone is not 1 to 64 letters, digits, '-' or '_'.")
    ResponseEntity<Registered> registerCourier(@Valid @RequestBody NewCourier request) {
        for (int i = 0; i < request.zones().size(); i++) {
            requireZone(request.zones().get(i), "zones[" + i + "]");
        }
        return registered(registration.register(ParticipantKind.COURIER, request.name(), request.zones()));
    }

    @GetMapping("/participants")
    @Operation(summary = "Registered participants, oldest first, optionally of one kind")
    List<ParticipantView> participants(@RequestParam Optional<ParticipantKind> kind) {
        return queries.query(
                        new ListParticipants(kind.orElse(null)),
                        ResponseTypes.multipleInstancesOf(ParticipantView.class))
                .join();
    }

    @GetMapping("/participants/{id}")
    @Operation(summary = "One registered participant")
    ParticipantView participant(@PathVariable UUID id) {
        return queries.query(
                        new FindParticipant(new ParticipantId(id)),
                        ResponseTypes.optionalInstanceOf(ParticipantView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("participant"));
    }

    /** The zone rule, checked here so that the problem names the request's field (the command has only zones). */
    private static void requireZone(String zone, String field) {
        if (!Zone.isValid(Zone.fold(zone))) {
            throw new InvalidRegistration(field, Zone.RULE);
        }
    }

    private static ResponseEntity<Registered> registered(Credentials credentials) {
        // the key is shown in this answer only: a replay of it (Idempotency-Key) leaves the key out
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(IdempotencyFilter.SECRET_FIELDS, List.of("apiKey"), RequestAttributes.SCOPE_REQUEST);
        UUID id = credentials.participantId().value();
        return ResponseEntity.created(URI.create("/api/v1/admin/participants/" + id))
                .body(new Registered(id, credentials.apiKey().value()));
    }

    record NamedParticipant(
            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH) String name) {}

    record NewWarehouse(
            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH) String name,
            @NotNull String zone) {}

    record NewCourier(
            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH) String name,
            @NotEmpty @Size(max = 50) List<@NotNull String> zones) {}

    /** The new participant's id and API key: keep the key, it is not shown again (a replay leaves it out). */
    record Registered(UUID id, @Nullable String apiKey) {}
}
