// Loads without error and never answers: a worker script that is not the bundle.
