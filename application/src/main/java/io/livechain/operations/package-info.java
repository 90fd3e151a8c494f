/** What the operator needs to keep the platform running: events the read models set aside, and replaying them. */
package io.livechain.operations;
