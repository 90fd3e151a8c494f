/** Questions about stock and their answers (read models). */
package io.livechain.stock.query;
