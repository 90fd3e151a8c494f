package io.livechain.demo;

import java.util.List;

/** Everyone the operator registered for the demo, with the API keys they act with. */
record Cast(Party merchant, Party factory, List<Party> warehouses, List<Party> couriers) {

    /** A registered participant: its id, its API key, a name to log, and its zones. */
    record Party(String id, String apiKey, String name, List<String> zones) {}

    Party warehouse(String zone) {
        return warehouses.stream()
                .filter(warehouse -> warehouse.zones().contains(zone))
                .findFirst()
                .orElseThrow();
    }

    Party warehouseWithId(String id) {
        return warehouses.stream()
                .filter(warehouse -> warehouse.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new DemoFailure("a delivery names an unknown warehouse " + id));
    }
}
