/** The database the platform runs on: an embedded PostgreSQL by default, any PostgreSQL by configuration. */
package io.livechain.infrastructure.database;
