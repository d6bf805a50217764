global using LiveCasino.Games.Cards;
global using LiveCasino.Games.Common;
