# One image per Giao Ban service, built from this repository:
#   docker build --build-arg SERVICE=membership-service -t giaoban/membership-service .
# The build stage is the same for every service, so it is built once and cached.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG SERVICE
# curl for the health checks of docker-compose.yml.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar /app/service.jar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/service.jar"]
