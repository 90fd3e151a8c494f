/** The warehouse's endpoints. */
package io.livechain.web.warehouse;
