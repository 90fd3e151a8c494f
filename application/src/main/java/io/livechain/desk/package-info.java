/**
 * The desk: the single writer of live streams, inventories, products and the orders it admits. Each request is one
 * named {@link io.livechain.desk.UseCase} that decides against the state in memory and then applies what it decided;
 * a batch of decisions is committed in one transaction.
 */
package io.livechain.desk;
