/** Production decisions the desk takes: receiving a batch's units at a warehouse. */
package io.livechain.production.desk;
