/** Questions about order and their answers (read models). */
package io.livechain.order.query;
