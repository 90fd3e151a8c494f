/** Questions about deliveries and pick lists. */
package io.livechain.delivery.query;
