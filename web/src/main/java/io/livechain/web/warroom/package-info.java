/**
 * The war room of a merchant's live stream: a page the platform serves itself, and the figures it shows (each
 * offer's units, the order intake per second, backorders and their batches, where the orders are on their way),
 * computed once a second per stream for every viewer and pushed as Server-Sent Events. See ADR 0014.
 */
package io.livechain.web.warroom;
