"""Writers: each walks the same document tree and returns one format's bytes."""
