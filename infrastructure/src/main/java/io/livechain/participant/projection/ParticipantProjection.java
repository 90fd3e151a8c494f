package io.livechain.participant.projection;

import static io.livechain.infrastructure.jooq.read_model.Tables.PARTICIPANT;
import static io.livechain.infrastructure.jooq.read_model.Tables.WAREHOUSE_MERCHANT;

import io.livechain.infrastructure.jooq.read_model.tables.records.ParticipantRecord;
import io.livechain.infrastructure.projection.Views;
import io.livechain.participant.ParticipantKind;
import io.livechain.participant.event.MerchantLinked;
import io.livechain.participant.event.MerchantUnlinked;
import io.livechain.participant.event.ParticipantEvent;
import io.livechain.participant.event.ParticipantRegistered;
import io.livechain.participant.query.FindParticipant;
import io.livechain.participant.query.ListParticipants;
import io.livechain.participant.query.ListWarehouseMerchants;
import io.livechain.participant.query.ParticipantView;
import io.livechain.participant.query.WarehouseMerchantView;
import io.livechain.shared.Zone;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The directory of participants, and which merchants each warehouse serves. Inserts are idempotent and a warehouse's
 * links are applied in the order they happened, so redelivery and replay are harmless.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class ParticipantProjection {

    private final DSLContext db;

    public ParticipantProjection(DSLContext db) {
        this.db = db;
    }

    /**
     * Every event of the participant's family, by a switch over the sealed type: a new event does not compile until
     * this view decides what it changes.
     */
    @EventHandler
    void on(ParticipantEvent event, @Timestamp Instant occurredAt) {
        switch (event) {
            case ParticipantRegistered registered -> registered(registered, occurredAt);
            case MerchantLinked linked -> linked(linked, occurredAt);
            case MerchantUnlinked unlinked -> unlinked(unlinked);
        }
    }

    private void registered(ParticipantRegistered event, Instant occurredAt) {
        db.insertInto(PARTICIPANT)
                .set(PARTICIPANT.ID, event.participantId().value())
                .set(PARTICIPANT.KIND, event.kind().name())
                .set(PARTICIPANT.NAME, event.name())
                .set(
                        PARTICIPANT.ZONES,
                        event.zones().stream().map(Zone::fold).distinct().toArray(String[]::new))
                .set(PARTICIPANT.REGISTERED_AT, occurredAt.atOffset(ZoneOffset.UTC))
                .onConflict(PARTICIPANT.ID)
                .doNothing()
                .execute();
    }

    private void linked(MerchantLinked event, Instant occurredAt) {
        db.insertInto(WAREHOUSE_MERCHANT)
                .set(WAREHOUSE_MERCHANT.WAREHOUSE_ID, event.participantId().value())
                .set(WAREHOUSE_MERCHANT.MERCHANT_ID, event.merchantId().value())
                .set(WAREHOUSE_MERCHANT.LINKED_AT, occurredAt.atOffset(ZoneOffset.UTC))
                .onConflict(WAREHOUSE_MERCHANT.WAREHOUSE_ID, WAREHOUSE_MERCHANT.MERCHANT_ID)
                .doNothing()
                .execute();
    }

    private void unlinked(MerchantUnlinked event) {
        db.deleteFrom(WAREHOUSE_MERCHANT)
                .where(WAREHOUSE_MERCHANT.WAREHOUSE_ID.eq(event.participantId().value()))
                .and(WAREHOUSE_MERCHANT.MERCHANT_ID.eq(event.merchantId().value()))
                .execute();
    }

    @QueryHandler
    List<WarehouseMerchantView> handle(ListWarehouseMerchants query) {
        return db.select(WAREHOUSE_MERCHANT.MERCHANT_ID, PARTICIPANT.NAME, WAREHOUSE_MERCHANT.LINKED_AT)
                .from(WAREHOUSE_MERCHANT)
                .join(PARTICIPANT)
                .on(PARTICIPANT.ID.eq(WAREHOUSE_MERCHANT.MERCHANT_ID))
                .where(WAREHOUSE_MERCHANT.WAREHOUSE_ID.eq(query.warehouseId().value()))
                .orderBy(WAREHOUSE_MERCHANT.LINKED_AT, WAREHOUSE_MERCHANT.MERCHANT_ID)
                .fetch(row -> new WarehouseMerchantView(
                        row.value1(), row.value2(), row.value3().toInstant()));
    }

    @QueryHandler
    Optional<ParticipantView> handle(FindParticipant query) {
        return db.selectFrom(PARTICIPANT)
                .where(PARTICIPANT.ID.eq(query.participantId().value()))
                .fetchOptional(ParticipantProjection::toView);
    }

    @QueryHandler
    List<ParticipantView> handle(ListParticipants query) {
        return db.selectFrom(PARTICIPANT)
                .where(
                        query.kind() == null
                                ? DSL.noCondition()
                                : PARTICIPANT.KIND.eq(query.kind().name()))
                .orderBy(PARTICIPANT.REGISTERED_AT, PARTICIPANT.ID)
                .fetch(ParticipantProjection::toView);
    }

    private static ParticipantView toView(ParticipantRecord row) {
        return new ParticipantView(
                row.getId(),
                ParticipantKind.valueOf(row.getKind()),
                row.getName(),
                List.of(row.getZones()),
                row.getRegisteredAt().toInstant());
    }
}
