# Offline stand-in for eclipse-temurin:25.0.3_9-jdk (scripts/offline-bases.sh): this machine's
# Temurin JDK of that version (the build context) on the Debian stand-in, where the public image
# has it, with binutils as the public image has (jlink --strip-debug runs objcopy).
FROM debian:12.11-slim
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils > /dev/null \
    && rm -rf /var/lib/apt/lists/*
COPY . /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
