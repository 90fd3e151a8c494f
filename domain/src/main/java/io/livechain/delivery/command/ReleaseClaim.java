package io.livechain.delivery.command;

import io.livechain.delivery.ClaimLedgerId;
import io.livechain.delivery.DeliveryId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The claim is no longer open (delivered, reported as failed, or lapsed): the ledger stops counting it. */
public record ReleaseClaim(@TargetAggregateIdentifier ClaimLedgerId ledgerId, DeliveryId deliveryId) {}
