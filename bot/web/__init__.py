"""The web desk (issue 17): inbox, case work, statistics, NLU review and health in a
browser, for aanspreekpunten and ops. A channel-like adapter: every case action goes
through `dialogs.casedesk`, exactly as in the chat."""
