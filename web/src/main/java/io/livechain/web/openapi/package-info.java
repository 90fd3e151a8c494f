/** The OpenAPI document at {@code /v3/api-docs}: every status, header and problem type the server really answers. */
package io.livechain.web.openapi;
