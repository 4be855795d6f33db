# The client image of docker-compose.yml: builds the project (its tests are CI's: some need a
# browser and a Pushgateway that the image has not), then carries the job jar for submission and
# the tools for the load generator.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests install

FROM flink:2.2.1-java17
COPY --from=build /src/job/target/midstream-job-*-flink.jar /opt/midstream/midstream-job.jar
COPY --from=build /src/flink-conf /opt/midstream/conf
COPY --from=build /src/tools/target/classes /opt/midstream/tools/classes
COPY --from=build /root/.m2/repository /root/.m2/repository
COPY --from=build /src/tools/target/classpath.txt /opt/midstream/tools/classpath.txt
