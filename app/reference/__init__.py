"""Reference data shipped with the app: Kemendagri regions and the SIAK value lists."""
