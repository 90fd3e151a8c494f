/** Who may call the platform: roles, API keys, registration and idempotent requests. */
package io.livechain.access;
