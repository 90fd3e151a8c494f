package io.livechain.web.merchant;

import io.livechain.access.Caller;
import io.livechain.catalog.ProductId;
import io.livechain.catalog.command.DefineProduct;
import io.livechain.catalog.desk.ProductDefinition;
import io.livechain.catalog.query.FindProduct;
import io.livechain.catalog.query.ListProducts;
import io.livechain.catalog.query.ProductView;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Limits;
import io.livechain.shared.Sku;
import io.livechain.web.support.DecidedByDesk;
import io.livechain.web.support.DeskResponses;
import io.livechain.web.support.DeskResponses.Answer;
import io.livechain.web.support.ResourceNotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's catalogue. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Merchant: catalogue")
class ProductController {

    private final DeskResponses desk;
    private final QueryGateway queries;

    ProductController(DeskResponses desk, QueryGateway queries) {
        this.desk = desk;
        this.queries = queries;
    }

    @PostMapping
    @DecidedByDesk
    @Operation(summary = "Add a product; its SKU is unique in your catalogue (409 sku-already-exists)")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProductCreated.class)))
    @ApiResponse(
            responseCode = "400",
            description = "`invalid-product`: the SKU, name, batch size or lead time breaks a rule of products.")
    @ApiResponse(
            responseCode = "409",
            description = "`sku-already-exists`: your catalogue already has a product with this SKU.")
    @ApiResponse(responseCode = "422", description = "`unknown-factory`: factoryId does not name a registered factory.")
    ResponseEntity<byte[]> define(
            @Valid @RequestBody NewProduct body, @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
        ParticipantId merchant = new ParticipantId(caller.participantId());
        DefineProduct command = new DefineProduct(
                ProductId.of(merchant, body.sku()),
                merchant,
                body.sku(),
                body.name(),
                new ParticipantId(body.factoryId()),
                body.batchSize(),
                body.leadTimeHours());
        return desk.decide(
                http,
                caller,
                command,
                new ProductDefinition(command),
                defined -> new Answer(
                        HttpStatus.CREATED,
                        "/api/v1/products/" + body.sku(),
                        new ProductCreated(
                                defined.productId().value(),
                                body.sku(),
                                body.name().strip(),
                                body.factoryId(),
                                body.batchSize(),
                                body.leadTimeHours())));
    }

    @GetMapping
    @Operation(summary = "Your catalogue, by SKU")
    List<ProductView> list(@AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new ListProducts(new ParticipantId(caller.participantId())),
                        ResponseTypes.multipleInstancesOf(ProductView.class))
                .join();
    }

    @GetMapping("/{sku}")
    @Operation(summary = "One product of your catalogue")
    ProductView get(@PathVariable String sku, @AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new FindProduct(new ParticipantId(caller.participantId()), sku),
                        ResponseTypes.optionalInstanceOf(ProductView.class))
                .join()
                .orElseThrow(() -> new ResourceNotFound("product"));
    }

    record NewProduct(
            @NotNull @Pattern(regexp = Sku.PATTERN, message = Sku.RULE)
            String sku,

            @NotBlank @Size(max = Limits.MAX_NAME_LENGTH) String name,
            @NotNull UUID factoryId,
            @Min(1) @Max(Limits.MAX_BATCH_SIZE) int batchSize,
            @Min(0) @Max(Limits.MAX_LEAD_TIME_HOURS) int leadTimeHours) {}

    record ProductCreated(UUID id, String sku, String name, UUID factoryId, int batchSize, int leadTimeHours) {}
}
