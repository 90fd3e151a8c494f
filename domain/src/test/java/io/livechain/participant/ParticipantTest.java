package io.livechain.participant;

import io.livechain.participant.command.RegisterParticipant;
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
}
