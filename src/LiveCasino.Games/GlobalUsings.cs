global using LiveCasino.Games.Common;
