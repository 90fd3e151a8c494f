/** The factory's endpoints. */
package io.livechain.web.factory;
