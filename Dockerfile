# The LiveCasino node, in two stages: the .NET SDK (and npm, for the web client's SignalR script)
# builds and publishes; the ASP.NET runtime image runs it. Built by docker-compose.yml; no Docker
# engine runs on our build machines, so tests check the compose file, not the image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cd src/LiveCasino.Server && npm ci --no-audit --no-fund
RUN dotnet publish src/LiveCasino.Server/LiveCasino.Server.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# In a container the node listens on every interface; LiveCasino:Cluster's Hostname likewise.
ENV LiveCasino__Http__Host=* \
    LiveCasino__Http__Port=5080 \
    LiveCasino__Cluster__Hostname=0.0.0.0 \
    LiveCasino__Cluster__Port=4053
EXPOSE 5080 4053
# SIGTERM runs Akka's coordinated shutdown: leave, hand shards off, exit 0. Compose waits for it.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "LiveCasino.Server.dll"]
