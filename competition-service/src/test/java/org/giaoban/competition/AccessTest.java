package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.testsupport.security.Caller.ANALYST;
import static org.giaoban.testsupport.security.Caller.COORDINATOR;
import static org.giaoban.testsupport.security.Caller.DELEGATE;
import static org.giaoban.testsupport.security.Caller.NO_TOKEN;
import static org.giaoban.testsupport.security.Caller.OPERATOR;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API.md's "who" column for competition, as a table: every route, every kind of caller, the answer. Every case acts on
 * a real round in the state the route needs (each allowed caller on one of its own), so an allowed caller succeeds
 * (2xx) and a refused one is refused for who it is alone: 401 without a token, 403 with one, and nothing stored.
 */
class AccessTest extends RoundTestSupport {

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    /** The coordinator of the round's cluster. */
    private static final Set<Caller> RUNS_IT = EnumSet.of(COORDINATOR);
    private static final Set<Caller> PLANS_IT = EnumSet.of(COORDINATOR, OPERATOR);
    private static final Set<Caller> RANKS_IT = EnumSet.of(COORDINATOR, OPERATOR, ANALYST);
    /** The delegate of the path's urban area, or the coordinator's show of hands in an OPEN-vote round. */
    private static final Set<Caller> VOTES = EnumSet.of(DELEGATE, COORDINATOR);
    private static final Set<Caller> OPERATES = EnumSet.of(OPERATOR);

    private static final String RULES = """
            {"criteria":[{"name":"Xanh","maxPoints":40}],"quotas":{"ASSOCIATION_COMMENDATION":0.5}}""";

    static final List<Route> ROUTES = List.of(
            route("GET /rounds", EVERYONE, t -> t.planned().get("/api/competition/rounds")),
            route("GET /rounds?clusterId=", EVERYONE, t -> { Round r = t.planned(); return r.get("/api/competition/rounds?clusterId=" + r.clusterId()); }),
            route("GET /rounds/{id}", EVERYONE, t -> { Round r = t.open(); return r.get(r.path("")); }),
            route("GET /rounds/{id}/ranking, open round", RANKS_IT, t -> { Round r = t.open(); return r.get(r.path("/ranking")); }),
            route("GET /rounds/{id}/ranking, concluded round", EVERYONE, t -> { Round r = t.concluded(); return r.get(r.path("/ranking")); }),
            route("GET /nominations", EVERYONE, t -> { Round r = t.concluded(); return r.get("/api/competition/nominations?clusterId=" + r.clusterId()); }),
            route("GET /hosts", EVERYONE, t -> { Round r = t.concluded(); return r.get("/api/competition/hosts?clusterId=" + r.clusterId()); }),
            route("GET /themes", EVERYONE, t -> { Round r = t.concluded(); return r.get("/api/competition/themes?clusterId=" + r.clusterId()); }),
            route("POST /rounds", PLANS_IT, t -> { Round r = t.unplanned(); return r.send("POST", "/api/competition/rounds", r.plan()); }),
            route("PUT /rounds/{id}", PLANS_IT, t -> { Round r = t.planned(); return r.send("PUT", r.path(""), r.plan().replace("\"t\"", "\"amended\"")); }),
            route("POST /rounds/{id}/opening", RUNS_IT, t -> { Round r = t.planned(); return r.send("POST", r.path("/opening"), "{}"); }),
            route("POST /rounds/{id}/scores", RUNS_IT, t -> { Round r = t.open(); return r.send("POST", r.path("/scores"),
                    "{\"urbanAreaId\":\"" + r.member(1) + "\",\"criterion\":\"Xanh\",\"points\":30}"); }),
            route("POST /rounds/{id}/motions", RUNS_IT, t -> { Round r = t.open(); return r.send("POST", r.path("/motions"),
                    "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}"); }),
            route("POST /rounds/{id}/motions/{motionId}/withdrawal", RUNS_IT, t -> { Round r = t.withAMotion(); return r.send("POST",
                    r.path("/motions/" + r.motionId() + "/withdrawal"), ""); }),
            route("PUT /rounds/{id}/motions/{motionId}/ballots/{urbanAreaId}", VOTES, t -> { Round r = t.withAMotion(); return r.send("PUT",
                    r.path("/motions/" + r.motionId() + "/ballots/" + r.member(0)), "{\"vote\":\"APPROVE\"}"); }),
            route("POST /rounds/{id}/motions/{motionId}/closing", RUNS_IT, t -> { Round r = t.withAMotion(); return r.send("POST",
                    r.path("/motions/" + r.motionId() + "/closing"), ""); }),
            route("POST /rounds/{id}/conclusion", RUNS_IT, t -> { Round r = t.readyToConclude(); return r.send("POST", r.path("/conclusion"), ""); }),
            route("POST /nominations/{roundId}/{urbanAreaId}/forwarding", OPERATES, t -> { Round r = t.concluded(); return r.send("POST",
                    r.nomination("/forwarding"), "{\"reference\":\"Tờ trình số 15/TTr-CĐT\"}"); }),
            route("POST /nominations/{roundId}/{urbanAreaId}/decision", OPERATES, t -> { Round r = t.forwarded(); return r.send("POST",
                    r.nomination("/decision"), "{\"award\":\"ASSOCIATION_COMMENDATION\",\"decision\":\"AWARDED\",\"reference\":\"QĐ 12/QĐ-HHĐT\"}"); }),
            route("GET /admin/projections", OPERATES, t -> t.planned().get("/api/competition/admin/projections")));

    /** One row of the table: a route, the callers API.md lets through, and how to get a round ready for it. */
    record Route(String name, Set<Caller> allowed, Function<AccessTest, Request> given) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** What the caller sends, about which cluster and urban area (the scope its token is made for). */
    record Request(String method, String path, String body, String clusterId, String urbanAreaId) {
    }

    private static Route route(String name, Set<Caller> allowed, Function<AccessTest, Request> given) {
        return new Route(name, allowed, given);
    }

    static Stream<Arguments> everyRouteByEveryCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(route, caller, route.allowed().contains(caller) ? "2xx" : caller == NO_TOKEN ? "401" : "403"));
            }
        }
        return cases.stream();
    }

    /**
     * The round each route's refused callers share: a refusal changes nothing (each case checks it), so they need no
     * round of their own. Every allowed caller gets a new one, as its request changes it.
     */
    private static final Map<String, Request> SHARED_BY_REFUSED = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0} by {1} → {2}")
    @MethodSource("everyRouteByEveryCaller")
    void answersAsApiMdSays(Route route, Caller caller, String expected) {
        Request request = expected.equals("2xx") ? route.given().apply(this)
                : SHARED_BY_REFUSED.computeIfAbsent(route.name(), name -> route.given().apply(this));
        awaitProcessorsCaughtUp();
        long before = storedEvents();

        Http.Response response = http.as(caller.token(request.clusterId(), request.urbanAreaId())).send(
                HttpRequest.newBuilder(http.uri(request.path())).header("Content-Type", "application/json")
                        .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request.body())));

        String what = route + " by " + caller + ": " + response.body();
        if (expected.equals("2xx")) {
            assertThat(response.status()).as(what).isBetween(200, 299);
            return;
        }
        assertThat(response.status()).as(what).isEqualTo(Integer.parseInt(expected));
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(caller == NO_TOKEN ? "unauthenticated" : "forbidden");
        if (caller == NO_TOKEN) {
            assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
        awaitProcessorsCaughtUp();
        assertThat(storedEvents()).as(route + " by " + caller + " stores nothing").isEqualTo(before);
    }

    // ---- rounds in the state each route needs, each of its own ----------------------------------------------------

    /** Rounds of one cluster, two years apart: a conclusion plans the year after, which no other case then uses. */
    private static final int ROUNDS_PER_CLUSTER = 30;
    private static final AtomicInteger ROUNDS = new AtomicInteger();
    private static final List<TestCluster> CLUSTERS = new ArrayList<>();

    /** A round id of a cluster of three members (admitted 2020), not planned yet. */
    Round unplanned() {
        int n = ROUNDS.getAndIncrement();
        if (n / ROUNDS_PER_CLUSTER >= CLUSTERS.size()) {
            CLUSTERS.add(givenACluster(3));
        }
        TestCluster cluster = CLUSTERS.get(n / ROUNDS_PER_CLUSTER);
        return new Round(cluster, 2030 + 2 * (n % ROUNDS_PER_CLUSTER), null);
    }

    /** PLANNED by the coordinator, hosted by the first member, led by the second; criterion Xanh; one Giấy khen. */
    Round planned() {
        Round round = unplanned();
        expect(coordinatorOf(round.clusterId()).post("/api/competition/rounds", round.plan()), 201);
        return round;
    }

    /** OPEN, with the three members as participants. */
    Round open() {
        Round round = planned();
        expect(coordinatorOf(round.clusterId()).post(round.path("/opening"), "{}"), 200);
        return round;
    }

    /** OPEN with a motion (a NEXT_THEME) open to ballots. */
    Round withAMotion() {
        Round round = open();
        return round.withMotion(tabled(round.id(), "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị xanh\"}"));
    }

    /** OPEN with next year's host (the third member) and theme carried, and a Giấy khen for the second member. */
    Round readyToConclude() {
        Round round = open();
        for (String motion : List.of("{\"kind\":\"NEXT_HOST\",\"urbanAreaId\":\"" + round.member(2) + "\"}",
                "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}",
                "{\"kind\":\"NOMINATION\",\"urbanAreaId\":\"" + round.member(1) + "\",\"award\":\"ASSOCIATION_COMMENDATION\"}")) {
            assertThat(carry(round.id(), tabled(round.id(), motion), round.cluster().members())).isEqualTo("CARRIED");
        }
        return round;
    }

    /** CONCLUDED, with the second member's Giấy khen proposed. */
    Round concluded() {
        Round round = readyToConclude();
        expect(coordinatorOf(round.clusterId()).post(round.path("/conclusion"), ""), 200);
        return round;
    }

    /** CONCLUDED, and the operator has forwarded the proposal. */
    Round forwarded() {
        Round round = concluded();
        expect(operator().post(round.nomination("/forwarding"), "{\"reference\":\"Tờ trình số 15/TTr-CĐT\"}"), 200);
        return round;
    }

    private static void expect(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    record Round(TestCluster cluster, int year, String motionId) {

        String id() {
            return Ids.roundId(cluster.id(), year);
        }

        String clusterId() {
            return cluster.id();
        }

        String member(int i) {
            return cluster.members().get(i);
        }

        Round withMotion(String motion) {
            return new Round(cluster, year, motion);
        }

        String path(String suffix) {
            return "/api/competition/rounds/" + id() + suffix;
        }

        String nomination(String suffix) {
            return "/api/competition/nominations/" + id() + "/" + member(1) + suffix;
        }

        String plan() {
            return """
                    {"clusterId":"%s","year":%d,"movement":"m","theme":"t","hostId":"%s","leaderId":"%s",
                     "conferenceDate":"%d-09-24","rules":%s}""".formatted(cluster.id(), year, member(0), member(1), year, RULES);
        }

        /** The request, made about this round's cluster and its first member. */
        Request send(String method, String path, String body) {
            return new Request(method, path, body, cluster.id(), member(0));
        }

        Request get(String path) {
            return send("GET", path, null);
        }
    }
}
