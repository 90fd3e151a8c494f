/** Warehouse decisions the desk takes, because they change stock: packing an order, taking a return back. */
package io.livechain.delivery.desk;
