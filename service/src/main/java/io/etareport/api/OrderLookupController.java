package io.etareport.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.etareport.buz.Instance;
import io.etareport.ops.JsonError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON look-ups of one order for staff: {@code /jobs-schedule/<instance>/<order>} and {@code /wip/...}, answering
 * {@code {"data": [...], "source": "live"}} as the original did, so its users' scripts keep working.
 */
@RestController
class OrderLookupController {

    private static final Logger log = LoggerFactory.getLogger(OrderLookupController.class);
    static final Pattern ORDER_NUMBER = Pattern.compile("[A-Za-z0-9._-]{1,50}");

    private final OrderLookup lookup;

    OrderLookupController(OrderLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/jobs-schedule/{instance}/{orderNo}")
    ResponseEntity<?> jobsSchedule(@PathVariable String instance, @PathVariable String orderNo) {
        return find(instance, OrderLookup.JOBS_SCHEDULE, orderNo);
    }

    @GetMapping("/wip/{instance}/{orderNo}")
    ResponseEntity<?> workInProgress(@PathVariable String instance, @PathVariable String orderNo) {
        return find(instance, OrderLookup.WORK_IN_PROGRESS, orderNo);
    }

    private ResponseEntity<?> find(String instanceName, String entitySet, String orderNo) {
        Optional<Instance> instance = Arrays.stream(Instance.values())
                .filter(candidate -> candidate.name().equals(instanceName.toUpperCase(Locale.ROOT)))
                .findFirst();
        if (instance.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "Invalid instance. Use DD or CBR.", ApiError.BAD_REQUEST);
        }
        if (!ORDER_NUMBER.matcher(orderNo).matches()) {
            return error(HttpStatus.BAD_REQUEST, "That is not an order number.", ApiError.BAD_REQUEST);
        }
        try {
            return ResponseEntity.ok(lookup.find(instance.get(), entitySet, orderNo));
        } catch (RuntimeException e) {
            log.warn("Order look-up on {} {} failed: {}", instance.get(), entitySet, e.toString());
            String message = e.getMessage() == null || e.getMessage().isBlank()
                    ? "The supplier's system is not available. Try again in a few minutes." : e.getMessage();
            return error(HttpStatus.SERVICE_UNAVAILABLE, message, "SUPPLIER_UNAVAILABLE");
        }
    }

    /** A failed look-up in the service's one JSON error shape, still carrying the {@code error} field. */
    private static ResponseEntity<JsonError> error(HttpStatus status, String message, String code) {
        return JsonError.of(status, message, code).response();
    }
}
