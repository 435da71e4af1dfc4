"""Qt views; they call services and never touch SQL."""
