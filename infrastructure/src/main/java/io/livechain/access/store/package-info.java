/** PostgreSQL storage of API key hashes and idempotent answers. */
package io.livechain.access.store;
