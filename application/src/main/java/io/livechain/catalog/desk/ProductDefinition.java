package io.livechain.catalog.desk;

import io.livechain.catalog.Product;
import io.livechain.catalog.ProductId;
import io.livechain.catalog.SkuAlreadyExists;
import io.livechain.catalog.UnknownFactory;
import io.livechain.catalog.command.DefineProduct;
import io.livechain.desk.Decision;
import io.livechain.desk.DeskState;
import io.livechain.desk.UseCase;
import io.livechain.participant.ParticipantKind;
import io.livechain.stock.Inventory;
import io.livechain.stock.InventoryId;
import io.livechain.stock.command.OpenInventory;

/** A product joins the catalogue, made by one of the platform's factories, with an empty inventory. */
public record ProductDefinition(DefineProduct command) implements UseCase<ProductDefinition.Defined> {

    /** An invalid definition is refused before the desk sees it. */
    public ProductDefinition {
        Product.check(command);
    }

    @Override
    public Decision<Defined> decide(DeskState state) {
        boolean isFactory = state.participant(command.factoryId())
                .map(factory -> factory.kind() == ParticipantKind.FACTORY)
                .orElse(false);
        if (!isFactory) {
            throw new UnknownFactory();
        }
        if (state.product(command.productId()).isPresent()) {
            throw new SkuAlreadyExists(command.sku());
        }
        InventoryId inventoryId = InventoryId.of(command.merchantId(), command.sku());
        return Decision.accept(new Defined(command.productId(), command.sku()), changes -> {
            changes.newProduct(() -> new Product(command));
            changes.newInventory(
                    () -> new Inventory(new OpenInventory(inventoryId, command.merchantId(), command.sku())));
        });
    }

    public record Defined(ProductId productId, String sku) {}
}
