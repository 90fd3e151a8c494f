/** The order read models (jOOQ): orders with their lines, and the timeline of events in each order's story. */
package io.livechain.order.projection;
