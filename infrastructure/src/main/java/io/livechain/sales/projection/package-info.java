/** The live-stream read model (jOOQ): streams, their offers, and what the offers admitted. */
package io.livechain.sales.projection;
