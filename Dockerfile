# syntax=docker/dockerfile:1

# ---- build: the official Swift 6 image on Debian 12 (bookworm), with libmicrohttpd's headers.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libmicrohttpd-dev=0.9.75-6 zlib1g-dev=1:1.2.13.dfsg-1 pkg-config=1.8.1-1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so that source edits reuse the resolved-package layer.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
COPY bench ./bench
COPY seeds ./seeds
COPY docs ./docs
# The Swift runtime and Foundation are linked in; only C libraries stay dynamic (see ldd in README).
RUN swift build -c release --static-swift-stdlib --product timeline-server \
 && install -D -m 0755 "$(swift build -c release --show-bin-path)/timeline-server" /out/timeline-server

# ---- runtime: the same distribution, slim, with only libmicrohttpd's runtime library added.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libmicrohttpd12=0.9.75-6 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin timeline
COPY --from=build /out/timeline-server /app/timeline-server
COPY seeds /app/seeds
COPY docs/openapi.json /app/docs/openapi.json
ENV HOST=0.0.0.0 \
    PORT=8080 \
    DATA=/app/seeds
EXPOSE 8080
USER 10001:10001
# The binary checks itself: the slim image has no curl, and needs none.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["/app/timeline-server", "healthcheck"]
# Exec form: the server is PID 1 and receives SIGTERM itself, and stops gracefully.
ENTRYPOINT ["/app/timeline-server"]
