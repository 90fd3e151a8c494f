package io.livechain.web.support;

/** The thing asked for does not exist, or belongs to someone else: both answer 404. */
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String what) {
        super(what + " not found", null, false, false);
    }
}
