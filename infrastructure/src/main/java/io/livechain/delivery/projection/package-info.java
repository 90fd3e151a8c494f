/** The delivery and pick-list read models (jOOQ). */
package io.livechain.delivery.projection;
