/** What the jOOQ projections share. */
package io.livechain.infrastructure.projection;
