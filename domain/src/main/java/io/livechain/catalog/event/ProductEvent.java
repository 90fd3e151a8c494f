package io.livechain.catalog.event;

import io.livechain.catalog.ProductId;

public sealed interface ProductEvent permits ProductDefined {

    ProductId productId();
}
