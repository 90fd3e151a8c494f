package io.livechain.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.participant.command.LinkMerchant;
import io.livechain.participant.command.RegisterParticipant;
import io.livechain.participant.command.UnlinkMerchant;
import io.livechain.participant.event.MerchantLinked;
import io.livechain.participant.event.MerchantUnlinked;
import io.livechain.participant.event.ParticipantRegistered;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParticipantTest {

    private final ParticipantId id = ParticipantId.random();
    private FixtureConfiguration<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    @Test
    void registers_a_merchant() {
        // given no prior activity
        fixture.givenNoPriorActivity()
                // when
                .when(new RegisterParticipant(id, ParticipantKind.MERCHANT, "  Acme Live  ", List.of()))
                // then
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ParticipantRegistered(id, ParticipantKind.MERCHANT, "Acme Live", List.of()));
    }

    @Test
    void registers_a_courier_with_its_zones_once_each() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(id, ParticipantKind.COURIER, "Kai", List.of("north", "south", "north")))
                .expectEvents(new ParticipantRegistered(id, ParticipantKind.COURIER, "Kai", List.of("north", "south")));
    }

    @Test
    void folds_zones_so_that_they_compare_case_blind() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(id, ParticipantKind.COURIER, "Kai", List.of("North ", "north", " SOUTH")))
                .expectEvents(new ParticipantRegistered(id, ParticipantKind.COURIER, "Kai", List.of("north", "south")));
    }

    @Test
    void rejects_a_blank_name() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(id, ParticipantKind.FACTORY, "   ", List.of()))
                .expectException(InvalidRegistration.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_name_that_is_too_long() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(
                        id, ParticipantKind.FACTORY, "x".repeat(Participant.MAX_NAME_LENGTH + 1), List.of()))
                .expectException(InvalidRegistration.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_warehouse_without_exactly_one_zone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(id, ParticipantKind.WAREHOUSE, "East DC", List.of("a", "b")))
                .expectException(InvalidRegistration.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_courier_without_zones() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(id, ParticipantKind.COURIER, "Kai", List.of()))
                .expectException(InvalidRegistration.class)
                .expectNoEvents();
    }

    @Test
    void rejects_zones_for_a_merchant() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(id, ParticipantKind.MERCHANT, "Acme", List.of("north")))
                .expectException(InvalidRegistration.class)
                .expectNoEvents();
    }

    @Test
    void rejects_a_malformed_zone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(id, ParticipantKind.COURIER, "Kai", List.of("north; drop table")))
                .expectException(InvalidRegistration.class)
                .expectNoEvents();
    }

    private ParticipantRegistered warehouseRegistered() {
        return new ParticipantRegistered(id, ParticipantKind.WAREHOUSE, "North DC", List.of("north"));
    }

    @Test
    void the_operator_links_a_warehouse_to_a_merchant() {
        // given a registered warehouse
        ParticipantId merchant = ParticipantId.random();
        fixture.given(warehouseRegistered())
                // when
                .when(new LinkMerchant(id, merchant))
                // then
                .expectEvents(new MerchantLinked(id, merchant))
                .expectState(warehouse -> assertThat(warehouse.serves(merchant)).isTrue());
    }

    @Test
    void a_warehouse_serves_no_merchant_until_linked() {
        // given a registered warehouse linked to one merchant
        ParticipantId linked = ParticipantId.random();
        ParticipantId other = ParticipantId.random();
        fixture.given(warehouseRegistered(), new MerchantLinked(id, linked))
                // when nothing more happens
                .when(new LinkMerchant(id, linked))
                // then it serves the linked merchant only
                .expectNoEvents()
                .expectState(warehouse -> {
                    assertThat(warehouse.serves(linked)).isTrue();
                    assertThat(warehouse.serves(other)).isFalse();
                });
    }

    @Test
    void unlinking_stops_the_warehouse_serving_the_merchant() {
        // given a warehouse linked to a merchant
        ParticipantId merchant = ParticipantId.random();
        fixture.given(warehouseRegistered(), new MerchantLinked(id, merchant))
                // when
                .when(new UnlinkMerchant(id, merchant))
                // then
                .expectEvents(new MerchantUnlinked(id, merchant))
                .expectState(warehouse -> assertThat(warehouse.serves(merchant)).isFalse());
    }

    @Test
    void unlinking_a_merchant_that_was_never_linked_changes_nothing() {
        fixture.given(warehouseRegistered())
                .when(new UnlinkMerchant(id, ParticipantId.random()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void only_a_warehouse_is_linked_to_merchants() {
        // given a courier
        fixture.given(new ParticipantRegistered(id, ParticipantKind.COURIER, "Kai", List.of("north")))
                // when the operator tries to link it
                .when(new LinkMerchant(id, ParticipantId.random()))
                // then there is no such warehouse
                .expectException(ParticipantNotFound.class)
                .expectNoEvents();
    }
}
