/** Replenishment: asking factories to produce what the warehouses will lack. */
package io.livechain.production.saga;
