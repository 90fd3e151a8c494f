/** Orders: placed, paid, cancelled or expired, and later packed and delivered. */
package io.livechain.order;
