package io.livechain.catalog;

import io.livechain.catalog.command.DefineProduct;
import io.livechain.catalog.event.ProductDefined;
import io.livechain.participant.ParticipantId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final String SKU = "DRESS-RED-M";

    private final ParticipantId merchant = ParticipantId.random();
    private final ParticipantId factory = ParticipantId.random();
    private final ProductId productId = ProductId.of(merchant, SKU);
    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    private DefineProduct define(String sku, String name, int batchSize, int leadTimeHours) {
        return new DefineProduct(ProductId.of(merchant, sku), merchant, sku, name, factory, batchSize, leadTimeHours);
    }

    @Test
    void defines_a_product_with_its_name_stripped() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define(SKU, "  Summer dress, red, M  ", 50, 72))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProductDefined(productId, merchant, SKU, "Summer dress, red, M", factory, 50, 72));
    }

    @Test
    void defines_a_product_with_the_boundary_values() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define(SKU, "x".repeat(Product.MAX_NAME_LENGTH), 1, 0))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProductDefined(
                        productId, merchant, SKU, "x".repeat(Product.MAX_NAME_LENGTH), factory, 1, 0));
    }

    @Test
    void rejects_a_sku_with_forbidden_characters() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define("DRESS RED/M", "Summer dress", 50, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_sku_starting_with_a_dash() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define("-DRESS", "Summer dress", 50, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_sku_that_is_too_long() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define("S".repeat(65), "Summer dress", 50, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_blank_name() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define(SKU, "   ", 50, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_missing_name() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define(SKU, null, 50, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_name_that_is_too_long() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define(SKU, "x".repeat(Product.MAX_NAME_LENGTH + 1), 50, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_batch_size_below_one() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define(SKU, "Summer dress", 0, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_negative_lead_time() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(define(SKU, "Summer dress", 50, -1))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_product_id_that_does_not_match_merchant_and_sku() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when the id is derived from another SKU
                .when(new DefineProduct(
                        ProductId.of(merchant, "DRESS-RED-L"), merchant, SKU, "Summer dress", factory, 50, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_product_id_derived_from_another_merchant() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when the id is derived from another merchant
                .when(new DefineProduct(
                        ProductId.of(ParticipantId.random(), SKU), merchant, SKU, "Summer dress", factory, 50, 72))
                // then
                .expectException(InvalidProduct.class)
                .expectNoEvents();
    }
}
