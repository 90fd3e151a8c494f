/** The courier's endpoints. */
package io.livechain.web.courier;
