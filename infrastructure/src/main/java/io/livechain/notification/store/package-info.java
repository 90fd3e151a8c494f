/** The notification feed's wiring, and what it asks of the read models and the event processors. */
package io.livechain.notification.store;
