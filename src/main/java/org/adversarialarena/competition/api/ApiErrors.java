package org.adversarialarena.competition.api;

import java.util.Locale;
import org.adversarialarena.base.Refusal;
import org.adversarialarena.competition.CompetitionRefusedException;
import org.adversarialarena.quota.LimitReachedException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals as RFC 9457 problem details: the status says what kind (400 bad file, 401 token, 404 missing,
 * 409 not now: outside the phase or over a cap, 429 rate limit with Retry-After), {@code key} names the
 * reason for programs, {@code detail} says it in English.
 */
@ConditionalOnWebApplication
@RestControllerAdvice(assignableTypes = CompetitionApi.class)
class ApiErrors {

    @ExceptionHandler(CompetitionRefusedException.class)
    ResponseEntity<ProblemDetail> refused(CompetitionRefusedException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHORISED -> HttpStatus.UNAUTHORIZED;
            case NOT_NOW -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return ResponseEntity.status(status).body(problem(status, e));
    }

    @ExceptionHandler(LimitReachedException.class)
    ResponseEntity<ProblemDetail> limited(LimitReachedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many requests");
        problem.setProperty("key", "competition.refused.rate");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, Refusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, describe(refusal));
        problem.setProperty("key", refusal.key());
        return problem;
    }

    private static String describe(Refusal refusal) {
        Object[] arguments = refusal.arguments();
        if (arguments.length == 0) {
            return refusal.getMessage();
        }
        StringBuilder detail = new StringBuilder(String.valueOf(refusal.getMessage())).append(" (");
        for (int i = 0; i < arguments.length; i++) {
            detail.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s", arguments[i]));
        }
        return detail.append(')').toString();
    }

}
