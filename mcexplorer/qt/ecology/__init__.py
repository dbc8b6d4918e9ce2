"""The credential-ecology tab (core.ecology shown and edited)."""
