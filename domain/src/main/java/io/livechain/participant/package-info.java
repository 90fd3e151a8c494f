/** Merchants, factories, warehouses and couriers: the participants the operator registers. */
package io.livechain.participant;
