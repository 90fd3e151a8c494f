/** What every endpoint shares: problem details, correlation ids, idempotency, tenancy. */
package io.livechain.web.support;
