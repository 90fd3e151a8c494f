package io.livechain.stock.command;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import io.livechain.stock.InventoryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A product's inventory starts empty when the product is added to the catalogue. */
public record OpenInventory(@TargetAggregateIdentifier InventoryId inventoryId, ParticipantId merchantId, String sku)
        implements DeskCommand {}
