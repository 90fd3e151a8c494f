package io.livechain.desk;

import io.livechain.catalog.Product;
import io.livechain.delivery.Delivery;
import io.livechain.order.Order;
import io.livechain.participant.Participant;
import io.livechain.production.ProductionBatch;
import io.livechain.sales.LiveStream;
import io.livechain.stock.Inventory;
import org.axonframework.modelling.command.Repository;

/** The repositories of the aggregates the desk writes (and those it reads). */
public record DeskRepositories(
        Repository<LiveStream> liveStreams,
        Repository<Inventory> inventories,
        Repository<Product> products,
        Repository<Order> orders,
        Repository<Participant> participants,
        Repository<ProductionBatch> batches,
        Repository<Delivery> deliveries) {}
