/** The catalogue read model (jOOQ): the merchants' products. */
package io.livechain.catalog.projection;
