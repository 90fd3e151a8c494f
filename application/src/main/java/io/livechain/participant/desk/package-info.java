/**
 * Operator decisions the desk takes, because receipts depend on them: which merchants a warehouse serves. Deciding
 * them where receipts are decided orders a link exactly against the receipts around it.
 */
package io.livechain.participant.desk;
