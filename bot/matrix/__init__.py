"""The Matrix channel (matrix-nio): see `bot.matrix.channel`."""
