/** Questions about sales and their answers (read models). */
package io.livechain.sales.query;
