package io.livechain.stock.command;

import io.livechain.participant.ParticipantId;
import io.livechain.shared.DeskCommand;
import io.livechain.stock.InventoryId;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A warehouse received units (from a production batch, when named); waiting orders are served first. */
public record ReceiveStock(
        @TargetAggregateIdentifier InventoryId inventoryId,
        ParticipantId warehouseId,
        String warehouseZone,
        int quantity,
        UUID batchId)
        implements DeskCommand {}
