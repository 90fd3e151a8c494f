/**
 * Server-Sent Events, shared by every live subscription: how long a stream stays open, its heartbeat, and how many
 * one API key may hold open at once.
 */
package io.livechain.web.stream;
