/** Stock per merchant and SKU in every warehouse: receipts, reservations, and the backorder queue. */
package io.livechain.stock;
