/**
 * The demo sale, a module of its own that the product does not contain. {@link io.livechain.demo.LiveChainDemo}
 * starts the platform with the demo enabled ({@code livechain.demo.enabled=true}); once the platform is up, the demo
 * plays every role — operator, merchant, buyers, factory, warehouses, couriers — through the public HTTP API, and
 * prints what happened.
 */
package io.livechain.demo;
