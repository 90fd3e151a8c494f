/** The merchant's endpoints: catalogue, live streams, orders, stock. */
package io.livechain.web.merchant;
