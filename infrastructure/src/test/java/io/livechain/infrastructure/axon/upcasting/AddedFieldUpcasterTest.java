package io.livechain.infrastructure.axon.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.order.OrderId;
import io.livechain.order.event.OrderPacked;
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
    private final AddedFieldUpcaster upcaster = new AddedFieldUpcaster(OrderPacked.class, "1", "2", "deliveryCode");

    @Test
    void reads_a_stored_revision_1_event_as_revision_2_with_the_new_field_null() {
        // given an OrderPacked as revision 1 stored it, without a delivery code
        OrderId orderId = OrderId.random();
        ParticipantId warehouse = ParticipantId.random();
        String stored = "{\"orderId\":{\"value\":\"%s\"},\"warehouseId\":{\"value\":\"%s\"},\"parcels\":2}"
                .formatted(orderId, warehouse);
        // when it is read
        List<IntermediateEventRepresentation> read =
                upcaster.upcast(Stream.of(representation(stored, "1"))).toList();
        // then it is revision 2, and reads into the event with the code null
        assertThat(read).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            OrderPacked packed = serializer.deserialize(event.getData());
            assertThat(packed).isEqualTo(new OrderPacked(orderId, warehouse, 2, null));
        });
    }

    @Test
    void leaves_a_revision_2_event_as_it_is() {
        OrderId orderId = OrderId.random();
        SerializedObject<byte[]> current =
                serializer.serialize(new OrderPacked(orderId, ParticipantId.random(), 1, "123456"), byte[].class);
        List<IntermediateEventRepresentation> read = upcaster.upcast(
                        Stream.of(representation(new String(current.getData(), StandardCharsets.UTF_8), "2")))
                .toList();
        assertThat(read)
                .singleElement()
                .satisfies(event -> assertThat(((OrderPacked) serializer.deserialize(event.getData())).deliveryCode())
                        .isEqualTo("123456"));
    }

    private IntermediateEventRepresentation representation(String payload, String revision) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "Order",
                        UUID.randomUUID().toString(),
                        3,
                        UUID.randomUUID().toString(),
                        "2026-11-27T19:00:00.000Z",
                        OrderPacked.class.getName(),
                        revision,
                        payload.getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8)),
                serializer);
    }
}
