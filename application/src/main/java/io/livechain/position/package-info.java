/**
 * Read-your-writes (ADR 0010): the position in the event store of the last event a change appended, and waiting
 * for the read models to reflect a position before a read is answered.
 */
package io.livechain.position;
