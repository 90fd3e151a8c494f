package io.livechain.webhook;

import io.livechain.shared.InvalidField;
import io.livechain.shared.Text;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may be sent (a guard against server-side request forgery): an absolute {@code http} or {@code
 * https} URL with a host, no user info and no fragment, whose host resolves only to public addresses. Loopback,
 * private, link-local, unique-local, carrier-grade NAT, multicast and reserved addresses are refused unless {@code
 * allowPrivateTargets} (local development and tests). The URL is checked when a subscription is made and again,
 * resolving its host afresh, before every delivery; redirects are never followed.
 */
public final class WebhookTargets {

    public static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivateTargets;
    private final Resolver resolver;

    public WebhookTargets(boolean allowPrivateTargets) {
        this(allowPrivateTargets, InetAddress::getAllByName);
    }

    WebhookTargets(boolean allowPrivateTargets, Resolver resolver) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.resolver = resolver;
    }

    /** Looks a host up (the system's resolver, or a test's). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * The subscription's URL, checked; {@link InvalidField} naming {@code field} otherwise. A host that cannot be
     * resolved now is accepted (its deliveries fail until it can), one that resolves to a refused address is not.
     */
    public URI checkSubscribed(String url, String field) {
        URI uri = parse(url, field);
        try {
            refusedAddress(uri).ifPresent(refused -> {
                throw new InvalidField(field, "must be a public address (" + refused + ")");
            });
        } catch (UnknownHostException notYet) {
            // checked again before every delivery
        }
        return uri;
    }

    /** Checks the URL just before a delivery; the reason it may not be called otherwise. */
    public Optional<String> refusal(URI uri) {
        try {
            return refusedAddress(uri).map(refused -> "target refused: " + refused);
        } catch (UnknownHostException unknown) {
            return Optional.of("host not found: " + uri.getHost());
        }
    }

    private URI parse(String url, String field) {
        InvalidField.require(url != null && !url.isBlank(), field, "is required");
        InvalidField.require(url.length() <= MAX_URL_LENGTH, field, "at most " + MAX_URL_LENGTH + " characters");
        InvalidField.require(Text.isPlain(url), field, Text.describe(url));
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            throw new InvalidField(field, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        InvalidField.require(
                uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")),
                field,
                "must be an absolute http or https URL");
        InvalidField.require(uri.getHost() != null && !uri.getHost().isBlank(), field, "must name a host");
        InvalidField.require(uri.getRawUserInfo() == null, field, "must not hold a user name or password");
        InvalidField.require(uri.getRawFragment() == null, field, "must not have a fragment");
        return uri;
    }

    private Optional<String> refusedAddress(URI uri) throws UnknownHostException {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        for (InetAddress address : List.of(resolver.resolve(host))) {
            if (!isPublic(address)) {
                return Optional.of(address.getHostAddress());
            }
        }
        return Optional.empty();
    }

    /** Whether an address may be called from the platform without reaching its own network. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 // "this" network
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;
            boolean siteLocal = first == 0xfe && (bytes[1] & 0xc0) == 0xc0;
            boolean mappedOrCompatible = isZero(bytes, 0, 10) && ((bytes[10] & 0xff) == 0xff || bytes[10] == 0);
            return !uniqueLocal && !siteLocal && !mappedOrCompatible;
        }
        return false;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
