/**
 * Claiming a delivery: the one courier decision that spans two aggregates, the delivery and the courier's claim
 * ledger (ADR 0008).
 */
package io.livechain.delivery.claim;
