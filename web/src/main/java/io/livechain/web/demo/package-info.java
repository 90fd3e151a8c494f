/**
 * The demo sale ({@code --livechain.demo.enabled=true}): once the platform is up, it plays every role — operator,
 * merchant, buyers, factory, warehouses, couriers — through the public HTTP API, and prints what happened.
 */
package io.livechain.web.demo;
