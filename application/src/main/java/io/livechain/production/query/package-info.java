/** Questions about production batches. */
package io.livechain.production.query;
