/** Webhook subscriptions and their delivery log (jOOQ), and the dispatcher that delivers them. */
package io.livechain.webhook.store;
