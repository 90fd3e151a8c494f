/** Last-mile delivery: offered to couriers, claimed, picked up, delivered with proof, or returned. */
package io.livechain.delivery;
