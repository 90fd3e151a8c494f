/** Upcasters: how an event stored in an older shape is read as today's record. */
package io.livechain.infrastructure.axon.upcasting;
