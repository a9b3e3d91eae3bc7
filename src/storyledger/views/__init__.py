"""Views: CLI, web app, JSON API and exports — thin layers over the library."""
