/** The participant directory read model (jOOQ). */
package io.livechain.participant.projection;
