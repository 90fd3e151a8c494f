package io.livechain.stock.event;

import io.livechain.participant.ParticipantId;
import io.livechain.stock.InventoryId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InventoryOpened(InventoryId inventoryId, ParticipantId merchantId, String sku)
        implements InventoryEvent {}
