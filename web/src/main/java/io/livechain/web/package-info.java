/** The HTTP API, one package per audience. */
package io.livechain.web;
