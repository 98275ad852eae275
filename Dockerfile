# syntax=docker/dockerfile:1
# CityOps Twin · 普陀城市运行数字孪生 — the app as one container.
#   docker build -t cityops-twin .
#   docker run -d -p 8080:8080 -v cityops-twin:/var/lib/cityops-twin \
#     -e Twin__Security__BootstrapAdmin__Password=… cityops-twin
# See README.md, "Deploy", for the settings a real deployment needs.

# Build: the .NET SDK, plus Node.js and npm for the map's libraries (CommandCenter.csproj runs `npm ci`).
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first, from the project files alone, so that a code change reuses the restored layer.
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY Twin.Domain/Twin.Domain.csproj Twin.Domain/
COPY Twin.Data/Twin.Data.csproj Twin.Data/
COPY Twin.Data.Postgres/Twin.Data.Postgres.csproj Twin.Data.Postgres/
COPY CommandCenter/CommandCenter.csproj CommandCenter/package.json CommandCenter/package-lock.json CommandCenter/
RUN dotnet restore CommandCenter/CommandCenter.csproj
COPY Twin.Domain/ Twin.Domain/
COPY Twin.Data/ Twin.Data/
COPY Twin.Data.Postgres/ Twin.Data.Postgres/
COPY wwwroot-assets/ wwwroot-assets/
COPY CommandCenter/ CommandCenter/
RUN dotnet publish CommandCenter/CommandCenter.csproj -c Release -o /app --no-restore

# Run: ASP.NET Core only, with real time zones (tzdata, Asia/Shanghai), ICU for Chinese sorting and
# formatting (invariant globalization off), CJK fonts for the drone feeds' labels, and curl for the
# health check.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata libicu74 fonts-noto-cjk curl \
    && rm -rf /var/lib/apt/lists/*
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Twin__Storage__DatabasePath=/var/lib/cityops-twin/data/cityops-twin.db \
    Twin__Security__KeyDirectory=/var/lib/cityops-twin/keys
# The database, its backups, the audit anchors and the Data Protection keys: one volume, owned by
# the image's non-root user (`app`, uid 1654), kept across upgrades and backed up together.
RUN mkdir -p /var/lib/cityops-twin/data /var/lib/cityops-twin/keys \
    && chown -R "$APP_UID" /var/lib/cityops-twin \
    && chmod -R 0700 /var/lib/cityops-twin
VOLUME ["/var/lib/cityops-twin"]
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
EXPOSE 8080
# Liveness only (the process answers); readiness (/healthz/ready) is for the load balancer, which
# must stop sending while the store refuses writes without the container being restarted for it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz/live || exit 1
ENTRYPOINT ["dotnet", "CommandCenter.dll"]
