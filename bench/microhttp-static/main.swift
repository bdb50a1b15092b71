// Placeholder; the benchmark helper replaces this file.
