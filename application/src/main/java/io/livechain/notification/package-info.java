/**
 * The platform's public notifications: what a participant is told about its own objects (by webhooks and by
 * Server-Sent Events), made from the stored events and read from any earlier position of the event store.
 */
package io.livechain.notification;
