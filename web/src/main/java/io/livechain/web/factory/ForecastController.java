package io.livechain.web.factory;

import io.livechain.access.Caller;
import io.livechain.forecast.query.ForecastView;
import io.livechain.forecast.query.ListForecasts;
import io.livechain.participant.ParticipantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Factory")
class ForecastController {

    private final QueryGateway queries;

    ForecastController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/factory/forecasts")
    @Operation(
            summary = "Demand forecasts of the SKUs you make",
            description = "Per (merchantId, sku): 24 hourly periods, then 14 daily (UTC days), each with the expected "
                    + "units and an 80% low/high range; lifted for scheduled live streams featuring the SKU.")
    List<ForecastView> forecasts(@AuthenticationPrincipal Caller caller) {
        return queries.query(
                        new ListForecasts(new ParticipantId(caller.participantId())),
                        ResponseTypes.multipleInstancesOf(ForecastView.class))
                .join();
    }
}
