/** The audit trail: who did what, when, and why, recorded with every message. */
package io.livechain.audit;
