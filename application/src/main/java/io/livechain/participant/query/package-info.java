/** Questions about registered participants and their answers. */
package io.livechain.participant.query;
