/** Axon Framework on PostgreSQL: event store, tokens, sagas, dead letters, deadlines and audit metadata. */
package io.livechain.infrastructure.axon;
