/** Test support shared by the modules: a real PostgreSQL database per test class. */
package io.livechain.testing;
