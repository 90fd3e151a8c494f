/** Live-stream sales: streams, their offers, and the admission of orders against them. */
package io.livechain.sales;
