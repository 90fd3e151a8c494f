/** The stock read model (jOOQ): units per warehouse and the units orders wait for. */
package io.livechain.stock.projection;
