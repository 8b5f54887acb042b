"""The channel core: what every messenger channel shares (turns, chat memory, the ticker,
the outbox loop, the texts a channel says itself). A channel adapter only translates."""
