/** API-key authentication and the role of each audience's paths. */
package io.livechain.web.security;
