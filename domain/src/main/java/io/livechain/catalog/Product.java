package io.livechain.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.livechain.catalog.command.DefineProduct;
import io.livechain.catalog.event.ProductDefined;
import io.livechain.catalog.event.ProductEvent;
import io.livechain.participant.ParticipantId;
import io.livechain.shared.Limits;
import io.livechain.shared.Sku;
import io.livechain.shared.Text;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A product in a merchant's catalogue: what the factory makes it, in which batch size and lead time. */
public class Product {

    static final int MAX_NAME_LENGTH = Limits.MAX_NAME_LENGTH;

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

    /** Throws the rule the definition breaks, naming the field; returns the name as it will be kept. */
    public static String check(DefineProduct command) {
        if (!Sku.isValid(command.sku())) {
            throw new InvalidProduct("sku", Sku.RULE);
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !Text.isPlain(name)) {
            throw new InvalidProduct("name", "1 to " + MAX_NAME_LENGTH + " characters of plain text");
        }
        if (command.batchSize() < 1 || command.batchSize() > Limits.MAX_BATCH_SIZE) {
            throw new InvalidProduct("batchSize", "between 1 and " + Limits.MAX_BATCH_SIZE);
        }
        if (command.leadTimeHours() < 0 || command.leadTimeHours() > Limits.MAX_LEAD_TIME_HOURS) {
            throw new InvalidProduct("leadTimeHours", "between 0 and " + Limits.MAX_LEAD_TIME_HOURS);
        }
        if (!command.productId().equals(ProductId.of(command.merchantId(), command.sku()))) {
            throw new InvalidProduct("productId does not match merchant and SKU");
        }
        return name;
    }

    /** Every event of the family, by a switch over the sealed type: a new event does not compile until handled here. */
    @EventSourcingHandler
    void on(ProductEvent event) {
        switch (event) {
            case ProductDefined productDefined -> on(productDefined);
        }
    }

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
