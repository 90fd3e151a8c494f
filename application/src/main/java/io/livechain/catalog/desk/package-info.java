/** Catalogue decisions the desk takes: defining a product (with its empty inventory). */
package io.livechain.catalog.desk;
