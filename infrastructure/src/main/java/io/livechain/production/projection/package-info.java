/** The production batch read model (jOOQ). */
package io.livechain.production.projection;
