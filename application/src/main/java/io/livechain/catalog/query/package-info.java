/** Questions about catalog and their answers (read models). */
package io.livechain.catalog.query;
