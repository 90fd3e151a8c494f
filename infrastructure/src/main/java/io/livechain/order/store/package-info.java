/** Write-side stores of the order context that the desk keeps: payment windows. */
package io.livechain.order.store;
