/** Order decisions the desk takes: placing an order, cancelling it, expiring it when its payment window closes. */
package io.livechain.order.desk;
