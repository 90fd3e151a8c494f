/** Stock decisions the desk takes: receiving units at a warehouse (waiting orders first). */
package io.livechain.stock.desk;
