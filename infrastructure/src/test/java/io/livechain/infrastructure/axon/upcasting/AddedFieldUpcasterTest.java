package io.livechain.infrastructure.axon.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.delivery.DeliveryId;
import io.livechain.delivery.event.DeliveryOffered;
import io.livechain.order.OrderId;
import io.livechain.participant.ParticipantId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class AddedFieldUpcasterTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final AddedFieldUpcaster upcaster = new AddedFieldUpcaster(DeliveryOffered.class, "1", "2", "codeHash");

    @Test
    void reads_a_stored_revision_1_event_as_revision_2_with_the_new_field_null() {
        // given a DeliveryOffered as revision 1 stored it, without the hash of a delivery code
        OrderId orderId = OrderId.random();
        DeliveryId deliveryId = DeliveryId.of(orderId);
        ParticipantId merchant = ParticipantId.random();
        ParticipantId warehouse = ParticipantId.random();
        String stored = ("{\"deliveryId\":{\"value\":\"%s\"},\"orderId\":{\"value\":\"%s\"},"
                        + "\"merchantId\":{\"value\":\"%s\"},\"warehouseId\":{\"value\":\"%s\"},"
                        + "\"zone\":\"north\",\"parcels\":2}")
                .formatted(deliveryId, orderId, merchant, warehouse);
        // when it is read
        List<IntermediateEventRepresentation> read =
                upcaster.upcast(Stream.of(representation(stored, "1"))).toList();
        // then it is revision 2, and reads into the event with the code null
        assertThat(read).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            DeliveryOffered offered = serializer.deserialize(event.getData());
            assertThat(offered)
                    .isEqualTo(new DeliveryOffered(deliveryId, orderId, merchant, warehouse, "north", 2, null));
        });
    }

    @Test
    void leaves_a_revision_2_event_as_it_is() {
        OrderId orderId = OrderId.random();
        DeliveryOffered offered = new DeliveryOffered(
                DeliveryId.of(orderId), orderId, ParticipantId.random(), ParticipantId.random(), "north", 1, "hash");
        SerializedObject<byte[]> current = serializer.serialize(offered, byte[].class);
        List<IntermediateEventRepresentation> read = upcaster.upcast(
                        Stream.of(representation(new String(current.getData(), StandardCharsets.UTF_8), "2")))
                .toList();
        assertThat(read)
                .singleElement()
                .satisfies(event -> assertThat(((DeliveryOffered) serializer.deserialize(event.getData())).codeHash())
                        .isEqualTo("hash"));
    }

    private IntermediateEventRepresentation representation(String payload, String revision) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "Delivery",
                        UUID.randomUUID().toString(),
                        3,
                        UUID.randomUUID().toString(),
                        "2026-11-27T19:00:00.000Z",
                        DeliveryOffered.class.getName(),
                        revision,
                        payload.getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8)),
                serializer);
    }
}
