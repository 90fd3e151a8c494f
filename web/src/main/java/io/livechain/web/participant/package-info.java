/** What every registered participant (merchant, factory, warehouse, courier) may do for itself: its own API key. */
package io.livechain.web.participant;
