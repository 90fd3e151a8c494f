package io.livechain.delivery.query;

import io.livechain.participant.ParticipantId;

/** Paid orders whose units are all held at this warehouse, oldest first; a list of {@link PickListEntry}. */
public record FindPickList(ParticipantId warehouseId) {}
