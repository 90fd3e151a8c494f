package io.livechain.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.catalog.command.DefineProduct;
import io.livechain.catalog.event.ProductDefined;
import io.livechain.participant.ParticipantId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A product in a merchant's catalogue: what the factory makes it, in which batch size and lead time. */
public class Product {

    static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private ProductId productId;

    private ParticipantId merchantId;
    private String sku;
    private ParticipantId factoryId;
    private int batchSize;
    private int leadTimeHours;

    protected Product() {}

    @CommandHandler
    public Product(DefineProduct command) {
        String name = check(command);
        apply(new ProductDefined(
                command.productId(),
                command.merchantId(),
                command.sku(),
                name,
                command.factoryId(),
                command.batchSize(),
                command.leadTimeHours()));
    }

    /** Throws the rule the definition breaks; returns the name as it will be kept. */
    public static String check(DefineProduct command) {
        if (!Sku.isValid(command.sku())) {
            throw new InvalidProduct("sku must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidProduct("name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (command.batchSize() < 1 || command.batchSize() > 1_000_000) {
            throw new InvalidProduct("batchSize must be between 1 and 1000000");
        }
        if (command.leadTimeHours() < 0 || command.leadTimeHours() > 24 * 365) {
            throw new InvalidProduct("leadTimeHours must be between 0 and 8760");
        }
        if (!command.productId().equals(ProductId.of(command.merchantId(), command.sku()))) {
            throw new InvalidProduct("productId does not match merchant and SKU");
        }
        return name;
    }

    @EventSourcingHandler
    void on(ProductDefined event) {
        productId = event.productId();
        merchantId = event.merchantId();
        sku = event.sku();
        factoryId = event.factoryId();
        batchSize = event.batchSize();
        leadTimeHours = event.leadTimeHours();
    }

    public ProductId productId() {
        return productId;
    }

    public ParticipantId merchantId() {
        return merchantId;
    }

    public String sku() {
        return sku;
    }

    public ParticipantId factoryId() {
        return factoryId;
    }

    public int batchSize() {
        return batchSize;
    }

    public int leadTimeHours() {
        return leadTimeHours;
    }
}
