/** The demand history read model (jOOQ). */
package io.livechain.forecast.projection;
