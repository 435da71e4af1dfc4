"""The pure rules of the till: money, tax, points, ranks, cards, credentials, days.

Nothing in this package touches Qt, SQL, files or the network, so every rule
can be tested (and reused by the website's developers) on its own.
"""
