/** Live-stream decisions the desk takes: scheduling a stream with its offers, starting and ending it. */
package io.livechain.sales.desk;
