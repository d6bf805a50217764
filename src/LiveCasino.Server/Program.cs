using LiveCasino.Server.Api;
using LiveCasino.Server.Bench;
using LiveCasino.Server.Health;
using LiveCasino.Server.Hosting;
using LiveCasino.Server.Hubs;
using LiveCasino.Server.Observability;

// One LiveCasino node: options, actor system and store, wallets, accounts, payments, then the edge.
SharedArrayPoolTuning.Apply(); // before anything rents from the shared pool
var builder = WebApplication.CreateBuilder(args);
builder.AddLiveCasinoServer();
builder.AddLiveCasinoHubs();
builder.Services.AddLiveCasinoMetrics(builder.Configuration);
builder.Services.AddLiveCasinoOtlp(builder.Configuration);
builder.Services.AddLiveCasinoHubMetrics();

var app = builder.Build();
app.UseLiveCasinoEdge();
app.UseLiveCasinoWebClient();
app.MapLiveCasinoHealth();
app.MapLiveCasinoMetrics();
app.MapLiveCasinoApi();
app.MapLiveCasinoHubs();
app.MapLiveCasinoBench();

app.Run();
