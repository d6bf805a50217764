using LiveCasino.Server.Api;
using LiveCasino.Server.Health;
using LiveCasino.Server.Hosting;

// One LiveCasino node: options, actor system and store, wallets, accounts, payments, then the edge.
var builder = WebApplication.CreateBuilder(args);
builder.AddLiveCasinoServer();

var app = builder.Build();
app.UseLiveCasinoEdge();
app.UseLiveCasinoWebClient();
app.MapLiveCasinoHealth();
app.MapLiveCasinoApi();
// The SignalR hubs (/hubs/player, /hubs/dealer) are mapped here, after the API: app.MapLiveCasinoHubs().

app.Run();
