/** The merchant's catalogue: products, their factory, batch size and lead time. */
package io.livechain.catalog;
