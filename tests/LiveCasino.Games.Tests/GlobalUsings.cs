global using LiveCasino.Games.Cards;
global using LiveCasino.Games.Common;
global using LiveCasino.Games.Tests.Support;
global using Xunit;
