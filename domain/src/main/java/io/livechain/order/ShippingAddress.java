package io.livechain.order;

public record ShippingAddress(String zone, String line1, String city, String recipient) {}
