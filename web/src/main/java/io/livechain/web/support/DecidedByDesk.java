package io.livechain.web.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint's change is decided and committed by the desk, in the desk's own batch transaction,
 * together with its idempotency record. The request filter then only checks the key and fingerprints the request;
 * it opens no transaction of its own.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DecidedByDesk {}
