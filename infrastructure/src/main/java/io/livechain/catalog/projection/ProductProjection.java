package io.livechain.catalog.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.PRODUCT;

import io.livechain.catalog.event.ProductDefined;
import io.livechain.catalog.event.ProductEvent;
import io.livechain.catalog.query.FindProduct;
import io.livechain.catalog.query.ListProducts;
import io.livechain.catalog.query.ProductView;
import io.livechain.infrastructure.jooq.read_model.tables.records.ProductRecord;
import io.livechain.infrastructure.projection.Views;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The merchants' catalogues, and the questions about them. A product is defined once and never changes, so the
 * insert ignores a row that is already there: redelivery and replay are harmless.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class ProductProjection {

    private final DSLContext db;

    public ProductProjection(DSLContext db) {
        this.db = db;
    }

    /** Every event of the product's family, by a switch over the sealed type: a new one does not compile until handled. */
    @EventHandler
    void on(ProductEvent event, @Timestamp Instant occurredAt) {
        switch (event) {
            case ProductDefined defined -> defined(defined, occurredAt);
        }
    }

    private void defined(ProductDefined event, Instant occurredAt) {
        db.insertInto(PRODUCT)
                .set(PRODUCT.ID, event.productId().value())
                .set(PRODUCT.MERCHANT_ID, event.merchantId().value())
                .set(PRODUCT.SKU, event.sku())
                .set(PRODUCT.NAME, event.name())
                .set(PRODUCT.FACTORY_ID, event.factoryId().value())
                .set(PRODUCT.BATCH_SIZE, event.batchSize())
                .set(PRODUCT.LEAD_TIME_HOURS, event.leadTimeHours())
                .set(PRODUCT.DEFINED_AT, occurredAt.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }

    @QueryHandler
    Optional<ProductView> handle(FindProduct query) {
        return db.selectFrom(PRODUCT)
                .where(PRODUCT.MERCHANT_ID.eq(query.merchantId().value()))
                .and(PRODUCT.SKU.eq(query.sku()))
                .fetchOptional(ProductProjection::toView);
    }

    @QueryHandler
    List<ProductView> handle(ListProducts query) {
        return db.selectFrom(PRODUCT)
                .where(PRODUCT.MERCHANT_ID.eq(query.merchantId().value()))
                .orderBy(PRODUCT.SKU)
                .fetch(ProductProjection::toView);
    }

    private static ProductView toView(ProductRecord row) {
        return new ProductView(
                row.getId(),
                row.getSku(),
                row.getName(),
                row.getFactoryId(),
                row.getBatchSize(),
                row.getLeadTimeHours(),
                row.getDefinedAt().toInstant());
    }
}
