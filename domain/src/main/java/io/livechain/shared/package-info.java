/**
 * What every bounded context shares: the base of business-rule violations, limits, the rules of text, zones and SKUs,
 * and the ids several contexts name.
 */
package io.livechain.shared;
