/** What every bounded context shares: the base of business-rule violations. */
package io.livechain.shared;
