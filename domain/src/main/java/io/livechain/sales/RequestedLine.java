package io.livechain.sales;

public record RequestedLine(String sku, int quantity) {}
