# Pulse as a container image: `docker build -t pulse:local .` (docs/deployment.md).
#
# Stage 1 only supplies Node.js, which the dashboard module's build needs (>= 20.19);
# stage 2 builds the shaded jar with the Maven wrapper; stage 3 runs it on a JRE as a non-root user.

FROM node:22.12.0-bookworm-slim AS node

FROM eclipse-temurin:17.0.16_8-jdk-jammy AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
COPY . .
ARG PULSE_REVISION=unknown
RUN ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true -Dpulse.revision=${PULSE_REVISION} install \
    && cp app/target/pulse.jar /pulse.jar

FROM eclipse-temurin:17.0.16_8-jre-jammy
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 pulse \
    && useradd --system --uid 10001 --gid pulse --home-dir /var/lib/pulse --no-create-home pulse \
    && mkdir -p /var/lib/pulse \
    && chown pulse:pulse /var/lib/pulse
WORKDIR /opt/pulse
COPY --from=build /pulse.jar /opt/pulse/pulse.jar
# The health model, alert rules, journey and user directory that config/pulse.yaml names relative
# to the working directory; mount your own over /opt/pulse/config.
COPY config/health-model.yaml config/alert-rules.yaml config/journey.yaml config/users.yaml /opt/pulse/config/
# State must outlive the container: without it every start restores all stores from Kafka.
ENV PULSE_STREAMS_STATE_DIR=/var/lib/pulse/state \
    PULSE_KAFKA_EMBEDDED_DATA_DIR=/var/lib/pulse/kafka
VOLUME ["/var/lib/pulse"]
USER pulse:pulse
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=4 \
    CMD curl -fsS http://localhost:8080/health/ready > /dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-jar", "/opt/pulse/pulse.jar"]
CMD ["run"]
