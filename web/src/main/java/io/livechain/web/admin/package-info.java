/** The operator's endpoints. */
package io.livechain.web.admin;
