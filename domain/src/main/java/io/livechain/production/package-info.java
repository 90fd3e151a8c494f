/** Production: batches factories make for merchants' SKUs, from request to receipt. */
package io.livechain.production;
