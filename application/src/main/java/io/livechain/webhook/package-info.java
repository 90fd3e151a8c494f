/**
 * Webhooks: a participant's subscriptions to its notifications, how they are signed (Standard Webhooks), where they
 * may be sent, and how failed deliveries are retried.
 */
package io.livechain.webhook;
